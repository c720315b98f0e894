package cn.kaoping.scheme;

/** Where a scheme version stands: a draft may still change; a published version never does. */
public enum SchemeStatus {
    DRAFT, PUBLISHED
}
