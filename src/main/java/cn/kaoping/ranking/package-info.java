/**
 * Results across estates: ranks with shared places, half-year and year aggregates of quarterly scores, and
 * top and bottom lists, built from each published round, with their screens, dashboards, exports and public site.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rankings")
package cn.kaoping.ranking;
