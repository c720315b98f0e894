package cn.kaoping.platform.web;

import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * API errors as RFC 7807 problem details with a field-level list ({@code errors}: field and message).
 * Never a stack trace; a 500 only for our own faults, logged with an id the user can quote: the framework's and the
 * database's exceptions that are the client's fault ({@link ClientFaults}) answer their 4xx.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

    private static final Log log = LogFactory.getLog(ApiProblems.class);

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "未找到", e.getMessage());
    }

    @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
    ProblemDetail forbidden(RuntimeException e) {
        return problem(HttpStatus.FORBIDDEN, "无权操作", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "状态冲突", e.getMessage());
    }

    @ExceptionHandler(ValidationException.class)
    ProblemDetail invalid(ValidationException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "输入有误", e.getMessage());
        p.setProperty("errors", e.problems().stream()
                .map(f -> Map.of("field", f.field(), "message", f.message() == null ? "无效" : f.message())).toList());
        return p;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message",
                        f.getDefaultMessage() == null ? "无效" : f.getDefaultMessage()))
                .toList();
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "输入有误",
                errors.isEmpty() ? "请求内容有误" : errors.get(0).get("field") + "：" + errors.get(0).get("message"));
        p.setProperty("errors", errors);
        return p;
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            MissingServletRequestPartException.class})
    ProblemDetail badParameter(Exception e) {
        return problem(HttpStatus.BAD_REQUEST, "参数有误", "请求参数缺失或格式不对");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        return ClientFaults.of(e, request.getContentType())
                .map(f -> problem(f.status(), f.title(), f.detail()))
                .orElseGet(() -> ours(e));
    }

    private static ProblemDetail ours(Exception e) {
        String id = Long.toString(System.nanoTime(), 36);
        log.error("Unexpected error " + id, e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "系统内部错误", "系统内部错误，请联系管理员（编号 " + id + "）");
    }
}
