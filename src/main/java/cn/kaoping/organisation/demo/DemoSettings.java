package cn.kaoping.organisation.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code kaoping.demo.enabled} (env {@code KAOPING_DEMO}): load the demo city and demo users on first start. */
@ConfigurationProperties("kaoping.demo")
record DemoSettings(boolean enabled) {
}
