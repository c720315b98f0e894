/** The ranking rules as plain Java: no Spring, no persistence. */
@org.springframework.modulith.NamedInterface("rules")
package cn.kaoping.ranking.rules;
