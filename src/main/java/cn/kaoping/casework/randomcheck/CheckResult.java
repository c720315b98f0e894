package cn.kaoping.casework.randomcheck;

import cn.kaoping.shared.ConflictException;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The recorded inspection of one drawn object: passed or not, with the findings; it is published once, due within
 * {@link RunRandomCheck#PUBLISH_WORKING_DAYS} working days of the inspection.
 */
public record CheckResult(long checkId, String objectId, LocalDate inspectedOn, boolean passed, String findings,
                          UUID photo, LocalDate publishBy, LocalDate publishedOn, String recordedBy) {

    /** Published on that day: once. */
    CheckResult publish(LocalDate on) {
        if (publishedOn != null) {
            throw new ConflictException("没有待公开的检查结果");
        }
        return new CheckResult(checkId, objectId, inspectedOn, passed, findings, photo, publishBy, on, recordedBy);
    }

    /** Published after its deadline, or still unpublished past it. */
    public boolean late(LocalDate today) {
        return publishedOn != null ? publishedOn.isAfter(publishBy) : today.isAfter(publishBy);
    }
}
