package cn.kaoping.organisation;

/** Who manages an estate: a company, the employer's logistics (单位后勤), 物业城市 or nobody (无人管). */
public enum ManagementMode {
    COMPANY, EMPLOYER, CITY_SERVICE, NONE
}
