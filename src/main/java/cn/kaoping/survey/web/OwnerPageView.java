package cn.kaoping.survey.web;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.spring6.view.ThymeleafView;

/**
 * The owner's page ({@code templates/owner/survey.html}) as a Thymeleaf view that renders into memory and writes the
 * finished page to the response at once. Rendered straight into the response (the resolver's default), every tag,
 * attribute and text node is a separate write through the security and session response wrappers, each of which
 * re-checks the response's length: measured, about a tenth of the CPU of a submission. The page is at most a few
 * kilobytes, so buffering it costs nothing. One view per locale, built on first use.
 */
@Component
class OwnerPageView {

    static final String TEMPLATE = "owner/survey";

    private final ISpringTemplateEngine engine;
    private final ApplicationContext context;
    private final Map<Locale, View> views = new ConcurrentHashMap<>();

    OwnerPageView(ISpringTemplateEngine engine, ApplicationContext context) {
        this.engine = engine;
        this.context = context;
    }

    View forLocale(Locale locale) {
        return views.computeIfAbsent(locale, l -> {
            Buffered view = new Buffered(engine, l);
            context.getAutowireCapableBeanFactory().initializeBean(view, TEMPLATE);
            return view;
        });
    }

    private static final class Buffered extends ThymeleafView {
        Buffered(ISpringTemplateEngine engine, Locale locale) {
            super(TEMPLATE);
            setTemplateEngine(engine);
            setLocale(locale);
            setCharacterEncoding("UTF-8");
            setContentType("text/html;charset=UTF-8");
            setProducePartialOutputWhileProcessing(false);
        }
    }
}
