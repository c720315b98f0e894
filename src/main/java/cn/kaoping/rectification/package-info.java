/**
 * Rectification 整改: notices to property companies (整改通知书) with their problems, the company's answers with
 * evidence, the acceptance inspection that closes (销号) or rejects each problem, deadlines and reminders, and the
 * follow-up check (回头看) in the next round. Other modules learn what happens through the events in this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rectification")
package cn.kaoping.rectification;
