package cn.kaoping.escalation.internal;

/** Where a suggestion stands: open until a person decides it (creating its rung) or dismisses it with a reason. */
public enum SuggestionStatus {
    OPEN, DECIDED, DISMISSED
}
