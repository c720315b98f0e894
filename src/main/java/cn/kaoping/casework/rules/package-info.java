/** The casework rules as plain Java: no Spring, no persistence. */
@org.springframework.modulith.NamedInterface("rules")
package cn.kaoping.casework.rules;
