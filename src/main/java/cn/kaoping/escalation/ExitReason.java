package cn.kaoping.escalation;

/** The reasons of seed 000 (lines 21–26) for recommending that the owners vote on keeping their company. */
public enum ExitReason {
    /** (1) 连续两年信用考核排名后3名 — raised by the credit ranking once it exists (issue 8). */
    CREDIT_BOTTOM_TWO_YEARS,
    /** (2) 连续两年服务质量日常考评排名后3名 — raised automatically from the year rankings. */
    DAILY_BOTTOM_TWO_YEARS,
    /** (3) 服务质量差、居民意见大，造成较大社会影响. */
    POOR_SERVICE,
    /** (4) 提供服务质价不符，只收费不服务或多收费少服务. */
    PRICE_MISMATCH,
    /** (5) 存在违反法律法规规定的行为. */
    LAW_VIOLATION,
    /** (6) 各地区结合实际，认定为建议退出的其他事项. */
    OTHER;

    /** Whether an officer raises it by hand with the facts (items 3–6). */
    public boolean manual() {
        return this != CREDIT_BOTTOM_TWO_YEARS && this != DAILY_BOTTOM_TWO_YEARS;
    }
}
