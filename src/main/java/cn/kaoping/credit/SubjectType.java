package cn.kaoping.credit;

/** Whose file a record is in: a property company or one of its project managers 项目负责人. */
public enum SubjectType {
    COMPANY, MANAGER
}
