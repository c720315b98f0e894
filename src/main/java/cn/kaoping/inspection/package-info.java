/**
 * Assessment rounds 考评轮次: inspections of estates with findings and photo evidence, patrol records, review by
 * the district, publicity with objections, and published results kept as immutable, hashed revisions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inspection (assessment rounds)")
package cn.kaoping.inspection;
