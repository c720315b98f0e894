/** The owner-vote rules of 民法典 art. 278 as plain Java: no Spring, no persistence. */
@org.springframework.modulith.NamedInterface("rules")
package cn.kaoping.voting.rules;
