package cn.kaoping.ranking.publication;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The public site's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublicationSettings.class)
class PublicationConfiguration {
}
