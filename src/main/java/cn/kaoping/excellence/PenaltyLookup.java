package cn.kaoping.excellence;

import java.time.LocalDate;
import java.util.List;

/**
 * Where the re-evaluation's veto 3 finds administrative penalties of a company (seed 002 一、3: 申报前一年度及当年被行政
 * 处罚). Implemented by the credit file, which holds the penalties decided in Kaoping and those entered by staff; a
 * port so that the credit file may depend on this module's events without a cycle.
 */
public interface PenaltyLookup {

    /** The penalties of the company in force, dated in {@code fromYear} or later. */
    List<Penalty> penalties(long companyId, int fromYear);

    /** One penalty. */
    record Penalty(LocalDate on, String description) {
    }
}
