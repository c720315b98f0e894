package cn.kaoping.ranking.rules;

import java.math.BigDecimal;

/** One entry's place: {@code rank} from 1 (best); entries with equal scores share a rank. */
public record Ranked<K>(K key, BigDecimal score, int rank, boolean tied) {
}
