package cn.kaoping.scheme.engine;

import java.util.Objects;

/** A disqualifying condition 一票否决: when its fact holds the evaluation fails whatever the score. */
public record Veto(String code, String title) {

    public Veto {
        Objects.requireNonNull(code, "code");
    }
}
