package cn.kaoping.platform.web;

import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.ValidationException;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/** Errors on screens: the Chinese error page with the reason, the right status, and never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    private static final Log log = LogFactory.getLog(PageErrors.class);

    private static ModelAndView page(HttpServletResponse res, int status, String message) {
        res.setStatus(status);
        ModelAndView mv = new ModelAndView("error");
        mv.addObject("status", status);
        mv.addObject("message", message);
        return mv;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e, HttpServletResponse res) {
        return page(res, 404, e.getMessage());
    }

    @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
    ModelAndView forbidden(RuntimeException e, HttpServletResponse res) {
        return page(res, 403, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e, HttpServletResponse res) {
        return page(res, 409, e.getMessage());
    }

    /** Bad input that no form is there to show beside its field (a year in the address, say): the page says why. */
    @ExceptionHandler(ValidationException.class)
    ModelAndView invalid(ValidationException e, HttpServletResponse res) {
        return page(res, 400, e.problems().stream().map(ValidationException.FieldProblem::message).distinct()
                .collect(java.util.stream.Collectors.joining("；")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badParameter(Exception e, HttpServletResponse res) {
        return page(res, 400, "地址中的参数有误");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(Exception e, HttpServletResponse res) {
        return page(res, 413, "上传文件超过大小限制（20 MB）");
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, jakarta.servlet.http.HttpServletRequest req, HttpServletResponse res) {
        java.util.Optional<ClientFaults.Fault> fault = ClientFaults.of(e, req.getContentType());
        if (fault.isPresent()) {
            return page(res, fault.get().status().value(), fault.get().detail());
        }
        String id = Long.toString(System.nanoTime(), 36);
        log.error("Unexpected error " + id, e);
        return page(res, 500, "系统内部错误，请联系管理员（编号 " + id + "）");
    }
}
