package cn.kaoping.inspection.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The inspection module's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InspectionSettings.class)
class InspectionConfiguration {
}
