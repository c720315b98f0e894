package cn.kaoping.organisation;

/** A registered household as other modules copy it (e.g. the households a survey counts when it opens). */
public record HouseholdRef(long id, long estateId, String building, String unit, String room) {
}
