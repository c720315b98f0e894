/**
 * The append-only, hash-chained record of every create, update and delete: who, when, what, before and after.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit log")
package cn.kaoping.audit;
