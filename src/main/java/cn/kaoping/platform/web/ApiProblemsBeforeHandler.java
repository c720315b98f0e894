package cn.kaoping.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's problem details for faults raised before a controller is chosen (a method the address does not take,
 * an upload over the limit, an address with no endpoint), which {@link ApiProblems} never sees: without this they
 * answer the framework's own error body instead of ours.
 */
@Component
class ApiProblemsBeforeHandler implements HandlerExceptionResolver, Ordered {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception e) {
        if (handler instanceof HandlerMethod || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return null;
        }
        return ClientFaults.of(e, request.getContentType()).map(f -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "about:blank");
            body.put("title", f.title());
            body.put("status", f.status().value());
            body.put("detail", f.detail());
            body.put("instance", request.getRequestURI());
            try {
                response.setStatus(f.status().value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write(JSON.writeValueAsString(body));
            } catch (IOException io) {
                return null;
            }
            return new ModelAndView();
        }).orElse(null);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
