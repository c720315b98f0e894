package cn.kaoping.voting.disclosure;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The settings of the estate's public accounts (三公开). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StatementDeadlines.class)
class DisclosureConfiguration {
}
