package cn.kaoping.credit;

/** A good record 良好信息 or a bad record 不良信息 (失信信息). */
public enum Direction {
    GOOD, BAD
}
