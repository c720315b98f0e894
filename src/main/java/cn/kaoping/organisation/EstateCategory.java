package cn.kaoping.organisation;

/** 专业化 or 保障型 estate (seed 000): the two are assessed on different standards and ranked apart. */
public enum EstateCategory {
    PROFESSIONAL, BASIC
}
