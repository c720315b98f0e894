/**
 * Small types every module speaks: roles, the signed-in principal and its scope, points and money.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.kaoping.shared;
