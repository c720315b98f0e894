package cn.kaoping.escalation.internal;

import java.time.OffsetDateTime;

/**
 * What happened to a suggestion, registered by {@link Suggestion} and recorded once by {@link SuggestionTransitions}:
 * the audit line, the saved state and, for a decision, the rung's own event for the other modules.
 */
sealed interface SuggestionEvent {

    /** A condition of the ladder held and the system suggested the rung. */
    record Raised(String reason) implements SuggestionEvent {
    }

    /** A person decided the suggestion, creating the rung with this id. */
    record Decided(SuggestionKind kind, long rungId, String by, OffsetDateTime at) implements SuggestionEvent {
    }

    /** A person dismissed the suggestion, saying why. */
    record Dismissed(String reason, String by, OffsetDateTime at) implements SuggestionEvent {
    }
}
