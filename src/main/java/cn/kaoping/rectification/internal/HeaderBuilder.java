package cn.kaoping.rectification.internal;

/**
 * Builds a {@link Notice.Header} by name instead of 22 positional components: what a notice is about (source, ranking,
 * estate, street, district, company), why, and the template's text it carries. Parts left out stay null (or 0).
 */
final class HeaderBuilder {

    private String source;
    private Long rankingId;
    private String schemeCode;
    private String period;
    private String category;
    private long estateId;
    private String estateName;
    private String estatePath;
    private long streetId;
    private String streetName;
    private long districtId;
    private String districtName;
    private long companyId;
    private String companyName;
    private String reason;
    private String issuingBody;
    private String numberPrefix;
    private String heading;
    private String body;
    private int deadlineDays;
    private String acceptanceMethod;
    private String createdBy;

    HeaderBuilder() {
    }

    /** {@code MANUAL} (raised by hand or for a reported problem) or {@code RANKING}. */
    HeaderBuilder source(String source) {
        this.source = source;
        return this;
    }

    /** The ranking whose bottom list raised the notice (null for one raised by hand). */
    HeaderBuilder rankingId(Long rankingId) {
        this.rankingId = rankingId;
        return this;
    }

    HeaderBuilder schemeCode(String schemeCode) {
        this.schemeCode = schemeCode;
        return this;
    }

    /** The assessment period (e.g. 2025-Q3); null for a notice raised by hand (日常巡查). */
    HeaderBuilder period(String period) {
        this.period = period;
        return this;
    }

    /** The estates' category (an {@code EstateCategory} name, or {@code ALL}). */
    HeaderBuilder category(String category) {
        this.category = category;
        return this;
    }

    HeaderBuilder estate(long id, String name) {
        this.estateId = id;
        this.estateName = name;
        return this;
    }

    /** The estate's region path, which scopes who sees the notice. */
    HeaderBuilder estatePath(String path) {
        this.estatePath = path;
        return this;
    }

    HeaderBuilder street(long id, String name) {
        this.streetId = id;
        this.streetName = name;
        return this;
    }

    HeaderBuilder district(long id, String name) {
        this.districtId = id;
        this.districtName = name;
        return this;
    }

    HeaderBuilder company(long id, String name) {
        this.companyId = id;
        this.companyName = name;
        return this;
    }

    /** Why the notice was raised (e.g. the ranking place), shown on the draft. */
    HeaderBuilder reason(String reason) {
        this.reason = reason;
        return this;
    }

    /** The district template's current text, as a new draft carries it. */
    HeaderBuilder template(Template t) {
        return issuingBody(t.issuingBody()).numberPrefix(t.numberPrefix()).heading(t.heading()).body(t.body())
                .deadlineDays(t.deadlineDays()).acceptanceMethod(t.acceptanceMethod());
    }

    HeaderBuilder issuingBody(String issuingBody) {
        this.issuingBody = issuingBody;
        return this;
    }

    HeaderBuilder numberPrefix(String numberPrefix) {
        this.numberPrefix = numberPrefix;
        return this;
    }

    HeaderBuilder heading(String heading) {
        this.heading = heading;
        return this;
    }

    /** The template's body with placeholders (a draft), or the text frozen when the notice was issued. */
    HeaderBuilder body(String body) {
        this.body = body;
        return this;
    }

    /** The deadline, in days after issue. */
    HeaderBuilder deadlineDays(int days) {
        this.deadlineDays = days;
        return this;
    }

    HeaderBuilder acceptanceMethod(String acceptanceMethod) {
        this.acceptanceMethod = acceptanceMethod;
        return this;
    }

    HeaderBuilder createdBy(String createdBy) {
        this.createdBy = createdBy;
        return this;
    }

    Notice.Header build() {
        return new Notice.Header(source, rankingId, schemeCode, period, category, estateId, estateName, estatePath,
                streetId, streetName, districtId, districtName, companyId, companyName, reason, issuingBody,
                numberPrefix, heading, body, deadlineDays, acceptanceMethod, createdBy);
    }
}
