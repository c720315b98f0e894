package cn.kaoping.subsidy.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** What the screens, the API and the reports show of claims, lines and steps. */
public final class Views {

    private Views() {
    }

    /**
     * @param total         the sum of the payable line amounts (each rounded to the fen)
     * @param approvedTotal the total as approved by the district government, locked from then on
     */
    public record ClaimRow(long id, long roundId, String roundName, String period, LocalDate periodStart,
                           LocalDate periodEnd, int year, long districtId, String districtName, long streetId,
                           String streetName, ClaimStatus status, Long reviewedById, Long approvedById,
                           BigDecimal approvedTotal, LocalDate paidOn, BigDecimal paidAmount, String paidVoucher,
                           BigDecimal total, int lines, int flagged, int toPay, int paid) {
    }

    /** One estate's line: what the registry said, what was used, and how the amount came to be. */
    public record Line(long id, long claimId, long estateId, String estateName, Long companyId, String companyName,
                       BigDecimal score, String grade, BigDecimal registryArea, BigDecimal area,
                       LocalDate registryEntry, LocalDate entryDate, String correctionReason, String correctedBy,
                       BigDecimal rate, List<YearMonth> months, BigDecimal exact, BigDecimal amount, String flag,
                       LocalDate paidOn, BigDecimal paidAmount, String paidVoucher, String paidNote, String paidBy,
                       UUID paidDocument) {

        public boolean payable() {
            return flag == null;
        }

        public boolean toPay() {
            return amount != null && amount.signum() > 0;
        }

        public boolean paid() {
            return paidOn != null;
        }

        public boolean areaCorrected() {
            return registryArea == null ? area != null : registryArea.compareTo(area == null ? registryArea : area) != 0;
        }

        public boolean entryCorrected() {
            return !java.util.Objects.equals(registryEntry, entryDate);
        }

        public LocalDate windowEnd() {
            return entryDate == null ? null : SubsidyRule.windowEnd(entryDate);
        }
    }

    public record Step(long id, Long lineId, String action, String actor, LocalDate occurredOn, OffsetDateTime at,
                       String note, UUID documentId) {
    }

    public record Claim(ClaimRow claim, List<Line> lines, List<Step> steps) {
    }

    /** One line with the claim around it, for the audit view. */
    public record LineAudit(ClaimRow claim, Line line, List<Step> steps) {
    }

    /** The district total for a year: per street and per grade. */
    public record DistrictTotal(long districtId, String districtName, int year, List<StreetTotal> streets,
                                List<GradeTotal> grades, BigDecimal total) {
    }

    public record StreetTotal(long streetId, String streetName, String period, long claimId, ClaimStatus status,
                              int lines, BigDecimal total) {
    }

    public record GradeTotal(String grade, int lines, BigDecimal area, BigDecimal total) {
    }

    /** A payment still owed: finance to a street (line null) or a street to a company. */
    public record Outstanding(long claimId, String streetName, String period, ClaimStatus status, Long lineId,
                              String estateName, String companyName, BigDecimal amount) {
    }

    /**
     * The rates (元/㎡/月 by grade code, in grade order) of a district and year.
     *
     * @param own      who last set the district's own rates for the year, or null when the year uses the defaults
     * @param lockedBy the approved claim ("街道 期别") that locks the year's rates, or null
     * @param editable whether the caller may change them now
     */
    public record RateSheet(long districtId, String districtName, int year, java.util.Map<String, BigDecimal> rates,
                            Own own, String lockedBy, boolean editable) {

        public boolean defaults() {
            return own == null;
        }

        public record Own(String updatedBy, OffsetDateTime updatedAt) {
        }
    }
}
