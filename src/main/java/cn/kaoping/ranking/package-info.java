/**
 * Results across estates: ranks with shared places, half-year and year aggregates of quarterly scores, and
 * top and bottom lists (issue 6; the rules are here, the event handling and screens are still to come).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rankings")
package cn.kaoping.ranking;
