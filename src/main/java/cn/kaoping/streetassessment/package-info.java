/**
 * Street-office assessment 街道考核 (seed 001, Dalian Xigang; issue 15): a district runs a year of a street-level
 * scheme for its street offices. Milestone rules expand into dated nodes per street; streets submit material per
 * node; the department owning the row accepts or returns it; departments record events against a street; the
 * score as of any day explains itself line by line; streets object to deductions; each quarter is ranked and
 * published (public page, 公示 PDF, the seed-layout Excel), a change after publication being a revision.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Street assessment")
package cn.kaoping.streetassessment;
