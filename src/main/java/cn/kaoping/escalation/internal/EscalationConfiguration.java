package cn.kaoping.escalation.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The escalation module's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EscalationSettings.class)
class EscalationConfiguration {
}
