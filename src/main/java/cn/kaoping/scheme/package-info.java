/**
 * Scoring schemes as data: the plain-Java rule engine, the built-in seed schemes, versions, and evaluation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Schemes (scoring standards)")
package cn.kaoping.scheme;
