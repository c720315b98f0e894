package cn.kaoping.scheme.internal;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the five built-in schemes as published versions on start, when they are not stored yet. */
@Component
@Order(5)
class BuiltInSchemeLoader implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(BuiltInSchemeLoader.class);

    private final SchemeVersions versions;

    BuiltInSchemeLoader(SchemeVersions versions) {
        this.versions = versions;
    }

    @Override
    public void run(ApplicationArguments args) {
        int added = versions.loadBuiltIns();
        if (added > 0) {
            log.info("Loaded " + added + " built-in scheme version(s)");
        }
    }
}
