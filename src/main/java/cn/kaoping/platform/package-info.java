/**
 * Infrastructure every module runs on: the database (embedded or external PostgreSQL), the clock, cluster-wide
 * scheduling locks, error pages and problem details, Excel reading and writing.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        displayName = "Platform")
package cn.kaoping.platform;
