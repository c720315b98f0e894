/**
 * Owner satisfaction surveys: questionnaires as data, one anonymous response per household over slips, QR posters,
 * the estate link and keyed paper forms, live participation and satisfaction, and {@link SurveyClosed} for rounds.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Surveys (owner satisfaction)")
package cn.kaoping.survey;
