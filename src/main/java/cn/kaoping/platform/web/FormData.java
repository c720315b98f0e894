package cn.kaoping.platform.web;

import cn.kaoping.shared.ValidationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A submitted HTML form: what the user typed (kept as typed, so a redisplayed form loses nothing) and the
 * problems per field in Chinese. Parses the typed text into the types of our form records; a value that does
 * not parse becomes a field problem, never an exception.
 */
public final class FormData implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Kept as typed (a HashMap); serializable so a redirect can carry it as a flash attribute in the JDBC session. */
    private final Map<String, String> values;
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final List<String> globalErrors = new java.util.ArrayList<>();

    private FormData(Map<String, String> values) {
        this.values = values;
    }

    public static FormData submitted(Map<String, String> params) {
        return new FormData(new HashMap<>(params));
    }

    /** The values of a record (an existing entity's form) for an edit page. */
    public static FormData of(Record form) {
        Map<String, String> values = new HashMap<>();
        for (RecordComponent c : form.getClass().getRecordComponents()) {
            try {
                Object v = c.getAccessor().invoke(form);
                if (v instanceof BigDecimal d) {
                    values.put(c.getName(), d.toPlainString());
                } else if (v instanceof Enum<?> e) {
                    values.put(c.getName(), e.name());
                } else if (v != null) {
                    values.put(c.getName(), v.toString());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return new FormData(values);
    }

    public Map<String, String> getValues() {
        return values;
    }

    public Map<String, String> getErrors() {
        return errors;
    }

    public List<String> getGlobalErrors() {
        return globalErrors;
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    public boolean hasErrors() {
        return !errors.isEmpty() || !globalErrors.isEmpty();
    }

    public void error(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    public String text(String name) {
        String v = values.get(name);
        return v == null ? null : v.trim();
    }

    public BigDecimal decimal(String name) {
        String v = text(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(v.replace(",", ""));
        } catch (NumberFormatException e) {
            error(name, "请填写数字");
            return null;
        }
    }

    public Integer integer(String name) {
        String v = text(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            error(name, "请填写整数");
            return null;
        }
    }

    public Long id(String name) {
        String v = text(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return Long.valueOf(v);
        } catch (NumberFormatException e) {
            error(name, "请选择有效的选项");
            return null;
        }
    }

    public LocalDate date(String name) {
        String v = text(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            error(name, "日期格式应如 2020-03-01");
            return null;
        }
    }

    public boolean checkbox(String name) {
        String v = text(name);
        return v != null && (v.equals("true") || v.equals("on"));
    }

    public <E extends Enum<E>> E choice(String name, Class<E> type) {
        String v = text(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            error(name, "请选择有效的选项");
            return null;
        }
    }

    /** Adds the Bean Validation problems of the parsed form (messages already in Chinese). */
    public <T> T validate(Validator validator, T form) {
        for (ConstraintViolation<T> v : validator.validate(form)) {
            error(v.getPropertyPath().toString(), v.getMessage());
        }
        return form;
    }

    public void reject(ValidationException e) {
        for (ValidationException.FieldProblem p : e.problems()) {
            if (p.field() == null || p.field().isEmpty()) {
                globalErrors.add(p.message());
            } else {
                error(p.field(), p.message());
            }
        }
    }

    public void reject(String message) {
        globalErrors.add(message);
    }

    /**
     * Runs the action when the form has no problems. A {@link ValidationException} or {@link ConflictException} it
     * throws becomes problems shown on the form. Empty means: show the form again.
     */
    public <T> java.util.Optional<T> submit(java.util.function.Supplier<T> action) {
        if (hasErrors()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(action.get());
        } catch (ValidationException e) {
            reject(e);
        } catch (cn.kaoping.shared.ConflictException e) {
            reject(e.getMessage());
        }
        return java.util.Optional.empty();
    }
}
