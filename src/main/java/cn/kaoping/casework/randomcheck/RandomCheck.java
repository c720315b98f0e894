package cn.kaoping.casework.randomcheck;

import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ValidationException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A 双随机 check of a district (seed 003 二、(一)7): frozen lists (JSON text) with their hashes and the commitment,
 * drawn once with the seed and the pairs; then the inspection of each drawn object is recorded ({@link CheckResult})
 * and published.
 */
public record RandomCheck(long id, long districtId, String districtPath, String districtName, String title, int count,
                          String objects, String inspectors, String conflicts, String objectsHash,
                          String inspectorsHash, String commitment, String secret, String seed, String pairs,
                          RandomCheckStatus status, String frozenBy, OffsetDateTime frozenAt,
                          OffsetDateTime drawnAt) {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public boolean drawn() {
        return status == RandomCheckStatus.DRAWN;
    }

    /** The draw, once: the seed and the pairs (JSON text) it gave, at that time. */
    RandomCheck draw(String drawnSeed, String drawnPairs, OffsetDateTime at) {
        if (drawn()) {
            throw new ConflictException("已经抽取");
        }
        return new RandomCheck(id, districtId, districtPath, districtName, title, count, objects, inspectors,
                conflicts, objectsHash, inspectorsHash, commitment, secret, drawnSeed, drawnPairs,
                RandomCheckStatus.DRAWN, frozenBy, frozenAt, at);
    }

    /**
     * Whether the inspection of an object may be recorded: only of an object the draw chose, inspected from the
     * draw's day (China time) to today.
     *
     * @throws ValidationException on the object or the day
     */
    void requireRecordable(List<String> drawnObjects, String objectId, LocalDate inspectedOn, LocalDate today) {
        if (!drawn() || !drawnObjects.contains(objectId)) {
            throw new ValidationException("objectId", "只能记录本次抽中的检查对象");
        }
        if (inspectedOn == null || inspectedOn.isAfter(today)
                || inspectedOn.isBefore(drawnAt.atZoneSameInstant(CHINA).toLocalDate())) {
            throw new ValidationException("inspectedOn", "检查日期须在抽取之后且不晚于今天");
        }
    }
}
