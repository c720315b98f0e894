package cn.kaoping.survey.web;

import cn.kaoping.survey.internal.SurveySettings;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The public address of an estate link, as printed in QR codes and shared in WeChat groups. */
@Component
class Links {

    private final SurveySettings settings;

    Links(SurveySettings settings) {
        this.settings = settings;
    }

    String estateLink(String linkKey) {
        String base = settings.publicBaseUrl() == null || settings.publicBaseUrl().isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : settings.publicBaseUrl().replaceAll("/+$", "");
        return base + "/s/" + linkKey;
    }
}
