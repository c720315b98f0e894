/**
 * Escalation 督办 (seed 000, lines 20–27): the ladder 通报 → 约谈 → 处罚 per company and district, each rung suggested
 * when its condition holds and decided by a person, exit recommendations with letters to owners' committees, and
 * commendations of top-ranked companies. Other modules (credit) learn of the decisions through the events here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Escalation")
package cn.kaoping.escalation;
