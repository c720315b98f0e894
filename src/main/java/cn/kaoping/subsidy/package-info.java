/**
 * Subsidy 老旧小区物业管理考核补贴 (seed 004 §七(二)): per published half-year round of {@code erqi-old-estate} one
 * claim per street office, a line per old estate (grade × rate × contracted floor area × months within three years of
 * the company's entry), reviewed by the district office, approved by the district government (four eyes), paid by
 * finance to the street and by the street to each company. See {@code docs/subsidy.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Subsidy")
package cn.kaoping.subsidy;
