package cn.kaoping.platform.web;

import java.sql.SQLException;
import java.util.Optional;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The framework's and the database's exceptions that are the client's fault, each with its 4xx status and a Chinese
 * title and detail; shared by the API's problem details and the screens' error page so neither answers 500 for them.
 */
final class ClientFaults {

    record Fault(HttpStatus status, String title, String detail) {
    }

    private ClientFaults() {
    }

    /** The client's fault behind {@code e}, or empty when it is ours (a 500). */
    static Optional<Fault> of(Throwable e, String requestContentType) {
        if (e instanceof MaxUploadSizeExceededException) {
            return fault(HttpStatus.CONTENT_TOO_LARGE, "文件过大", "上传内容超过大小限制（单个文件 20 MB，整个请求 25 MB）");
        }
        if (e instanceof MultipartException) {
            boolean multipart = requestContentType != null && requestContentType.toLowerCase().startsWith("multipart/");
            return multipart ? fault(HttpStatus.BAD_REQUEST, "上传内容无法解析", "multipart/form-data 请求体不完整或格式有误")
                    : fault(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型",
                    "该地址只接受 multipart/form-data 上传，文件放在字段 file 中");
        }
        if (e instanceof HttpMediaTypeNotSupportedException m) {
            return fault(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型", "不支持 Content-Type "
                    + (m.getContentType() == null ? "（未指定）" : m.getContentType()) + "，请使用 "
                    + (m.getSupportedMediaTypes().isEmpty() ? "application/json" : m.getSupportedMediaTypes().get(0)));
        }
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            return fault(HttpStatus.NOT_ACCEPTABLE, "无法提供所需格式", "无法按 Accept 头要求的格式返回结果");
        }
        if (e instanceof HttpRequestMethodNotSupportedException m) {
            return fault(HttpStatus.METHOD_NOT_ALLOWED, "不支持的请求方法", "该地址不支持 " + m.getMethod());
        }
        if (e instanceof NoHandlerFoundException || e instanceof NoResourceFoundException) {
            return fault(HttpStatus.NOT_FOUND, "未找到", "没有这个地址");
        }
        if (e instanceof HttpMessageNotReadableException) {
            return fault(HttpStatus.BAD_REQUEST, "请求体无法解析", "请求体不是有效的 JSON，或字段类型不符");
        }
        if (e instanceof MethodArgumentNotValidException || e instanceof HandlerMethodValidationException) {
            return fault(HttpStatus.BAD_REQUEST, "输入有误", "请求内容有误");
        }
        if (e instanceof TypeMismatchException) {
            return fault(HttpStatus.BAD_REQUEST, "参数有误", "请求参数缺失或格式不对");
        }
        if (e instanceof DataAccessException) {
            return database(e);
        }
        if (e instanceof ErrorResponse r && r.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(r.getStatusCode().value());
            return fault(status, "请求有误", "请求有误（" + status.value() + "），请检查地址、参数和请求体");
        }
        return Optional.empty();
    }

    /**
     * Values the database refuses that the caller sent: class 22 (data exception: a date past year 294276, a number
     * or string out of range, a NUL byte), integrity violations, and an index row too large (54000).
     */
    private static Optional<Fault> database(Throwable e) {
        String state = sqlState(e);
        if (state == null) {
            return Optional.empty();
        }
        if (state.startsWith("22") || state.equals("54000")) {
            return fault(HttpStatus.BAD_REQUEST, "输入超出允许范围", "某个值超出允许范围（日期、数字或文字长度），请检查后重试");
        }
        if (state.equals("23505")) {
            return fault(HttpStatus.CONFLICT, "状态冲突", "与已有记录重复");
        }
        if (state.equals("23503") || state.equals("23502") || state.equals("23514")) {
            return fault(HttpStatus.BAD_REQUEST, "输入有误", "引用的记录不存在，或必填、取值范围不符");
        }
        return Optional.empty();
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }

    private static Optional<Fault> fault(HttpStatus status, String title, String detail) {
        return Optional.of(new Fault(status, title, detail));
    }
}
