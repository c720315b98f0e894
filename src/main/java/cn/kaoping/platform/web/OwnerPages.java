package cn.kaoping.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of owners' pages that take bursts (a link shared in a WeChat group: the survey page
 * {@code /s/{key}}, the ballot page {@code /s/v/{key}}). {@link OwnerPagesMapping} asks these controllers first, and
 * {@link OwnerPageViews} renders their pages into memory.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OwnerPages {
}
