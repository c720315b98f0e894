package cn.kaoping.platform.web;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.spring6.view.ThymeleafView;

/**
 * An owner's page (e.g. {@code templates/owner/survey.html}) as a Thymeleaf view that renders into memory and writes
 * the finished page to the response at once. Rendered straight into the response (the resolver's default), every tag,
 * attribute and text node is a separate write through the security and session response wrappers, each of which
 * re-checks the response's length: measured, about a tenth of the CPU of a survey submission. The page is at most a
 * few kilobytes, so buffering it costs nothing. One view per template and locale, built on first use.
 */
@Component
public class OwnerPageViews {

    private final ISpringTemplateEngine engine;
    private final ApplicationContext context;
    private final Map<String, View> views = new ConcurrentHashMap<>();

    OwnerPageViews(ISpringTemplateEngine engine, ApplicationContext context) {
        this.engine = engine;
        this.context = context;
    }

    public View view(String template, Locale locale) {
        return views.computeIfAbsent(template + "|" + locale, k -> {
            Buffered view = new Buffered(engine, template, locale);
            context.getAutowireCapableBeanFactory().initializeBean(view, template);
            return view;
        });
    }

    private static final class Buffered extends ThymeleafView {
        Buffered(ISpringTemplateEngine engine, String template, Locale locale) {
            super(template);
            setTemplateEngine(engine);
            setLocale(locale);
            setCharacterEncoding("UTF-8");
            setContentType("text/html;charset=UTF-8");
            setProducePartialOutputWhileProcessing(false);
        }
    }
}
