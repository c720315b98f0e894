package cn.kaoping.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.HtmlUtils;

/**
 * PostgreSQL down or restarting: every request answers 503 with a Chinese page (or an RFC 7807 problem under
 * {@code /api/}) and {@code Retry-After}, within Hikari's connection timeout, instead of hanging or showing a 500.
 * A resolver ahead of the screens' and API's own handlers catches it in controllers; a filter ahead of Spring
 * Session catches it where the session is loaded or saved. Written without templates or the database, which may
 * be what failed. Nothing was stored: an owner's answers are not acknowledged, so sending again is safe.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseUnavailable {

    private static final Log log = LogFactory.getLog(DatabaseUnavailable.class);
    static final int RETRY_AFTER_SECONDS = 15;

    /** Whether the failure, or one of its causes, is the database being unreachable. */
    static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransactionSystemException tx && tx.getApplicationException() != null
                    && isUnavailable(tx.getApplicationException())) {
                return true; // the rollback failed on the dead connection after the query failed on it
            }
            if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true; // connection exception; admin shutdown, crash shutdown, cannot connect now
            }
        }
        return false;
    }

    static void write(HttpServletRequest req, HttpServletResponse res, MessageSource messages) throws IOException {
        Locale locale = Locale.SIMPLIFIED_CHINESE;
        String title = messages.getMessage("unavailable.title", null, locale);
        String detail = messages.getMessage("unavailable.detail", null, locale);
        res.resetBuffer();
        res.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        res.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        res.setHeader("Cache-Control", "no-store");
        String accept = req.getHeader("Accept");
        if (req.getRequestURI().startsWith(req.getContextPath() + "/api/")
                || (accept != null && accept.contains("json") && !accept.contains("html"))) {
            res.setContentType("application/problem+json;charset=UTF-8");
            res.getOutputStream().write(("{\"type\":\"about:blank\",\"status\":503,\"title\":\"" + title
                    + "\",\"detail\":\"" + detail + "\",\"instance\":\"" + json(req.getRequestURI()) + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
        } else {
            res.setContentType("text/html;charset=UTF-8");
            res.getOutputStream().write(("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                    + HtmlUtils.htmlEscape(title) + "</title></head><body style=\"font-family: system-ui, sans-serif; "
                    + "max-width: 36rem; margin: 4rem auto; padding: 0 1rem\"><h1 style=\"font-size: 1.4rem\">"
                    + HtmlUtils.htmlEscape(title) + "</h1><p>" + HtmlUtils.htmlEscape(detail) + "</p></body></html>")
                    .getBytes(StandardCharsets.UTF_8));
        }
        res.flushBuffer();
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void logged(HttpServletRequest req, Throwable e) {
        log.warn("503 for " + req.getMethod() + " " + req.getRequestURI() + ": database unavailable ("
                + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    }

    /**
     * Controllers: a resolver ordered ahead of the {@code @ExceptionHandler} resolver, so neither the screens' nor
     * the API's catch-all handler turns the failure into a 500.
     */
    static class Resolver implements HandlerExceptionResolver, Ordered {

        private final MessageSource messages;

        Resolver(MessageSource messages) {
            this.messages = messages;
        }

        @Override
        public ModelAndView resolveException(HttpServletRequest req, HttpServletResponse res, Object handler,
                                             Exception e) {
            if (!isUnavailable(e) || res.isCommitted()) {
                return null;
            }
            logged(req, e);
            try {
                write(req, res, messages);
            } catch (IOException io) {
                return null;
            }
            return new ModelAndView(); // handled: the response is written
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 1; // after Boot's DefaultErrorAttributes, before @ExceptionHandler
        }
    }

    @Bean
    Resolver databaseUnavailableResolver(MessageSource messages) {
        return new Resolver(messages);
    }

    /** Filters (Spring Session loads and saves the session in PostgreSQL) and anything the advice did not see. */
    static class Filter extends OncePerRequestFilter {

        private final MessageSource messages;

        Filter(MessageSource messages) {
            this.messages = messages;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                throws ServletException, IOException {
            try {
                chain.doFilter(req, res);
            } catch (ServletException | RuntimeException e) {
                if (!isUnavailable(e) || res.isCommitted()) {
                    throw e;
                }
                logged(req, e);
                write(req, res, messages);
            }
        }

        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }
    }

    @Bean
    FilterRegistrationBean<Filter> databaseUnavailableFilter(MessageSource messages) {
        FilterRegistrationBean<Filter> bean = new FilterRegistrationBean<>(new Filter(messages));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10); // outside Spring Session's filter (HIGHEST + 50)
        return bean;
    }
}
