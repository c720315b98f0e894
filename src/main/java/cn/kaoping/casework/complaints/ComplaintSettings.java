package cn.kaoping.casework.complaints;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.Role;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.shared.ValidationException.FieldProblem;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The complaint categories with their deadlines and the working calendar (issue 14: both data, editable; SPEC:
 * working days skip weekends and a holiday calendar kept as data, including 调休). The city's housing authority keeps
 * them, for every district alike; anyone signed in may read them. A change applies to complaints received after it:
 * a work order keeps the deadlines it was given.
 */
@Service
public class ComplaintSettings {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,29}");

    private final ComplaintStore store;
    private final AuditLog audit;

    ComplaintSettings(ComplaintStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    /** A category as the city sets it: its name and the working days to sign for and to close a complaint. */
    public record CategoryForm(String name, Integer signDays, Integer closeDays) {
    }

    /** A calendar exception: {@code working} false for a holiday on a weekday, true for a make-up Saturday or Sunday. */
    public record DayForm(Boolean working, String note) {
    }

    public static boolean edits(KaopingPrincipal p) {
        return p.role() == Role.CITY_ADMIN;
    }

    @Transactional(readOnly = true)
    public List<ComplaintStore.Category> categories() {
        return store.categories();
    }

    @Transactional(readOnly = true)
    public List<ComplaintStore.CalendarDay> calendar(int year) {
        if (year < 2000 || year > 2100) {
            throw new ValidationException("year", "年份应在 2000 至 2100 之间");
        }
        return store.calendarYear(year);
    }

    /** Adds the category {@code code} or changes its name and deadlines. */
    @Transactional
    public void saveCategory(KaopingPrincipal p, String code, CategoryForm form) {
        requireEdits(p);
        List<FieldProblem> problems = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            problems.add(new FieldProblem("code", "代码为 2–30 个大写字母、数字或下划线，以字母开头"));
        }
        String name = form == null || form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > 20) {
            problems.add(new FieldProblem("name", "请填写类别名称（最多 20 字）"));
        } else if (code != null && store.categoryNameTaken(name, code)) {
            problems.add(new FieldProblem("name", "已有名为“" + name + "”的类别"));
        }
        Integer sign = form == null ? null : form.signDays();
        Integer close = form == null ? null : form.closeDays();
        if (sign == null || sign < 0 || sign > 30) {
            problems.add(new FieldProblem("signDays", "签收期限为 0–30 个工作日"));
        }
        if (close == null || close < 1 || close > 90) {
            problems.add(new FieldProblem("closeDays", "办结期限为 1–90 个工作日"));
        } else if (sign != null && sign > close) {
            problems.add(new FieldProblem("closeDays", "办结期限不能短于签收期限"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        store.putCategory(new ComplaintStore.Category(code, name, sign, close));
        audit.record("UPDATE", "complaint_category", code, "投诉类别 " + name + "：签收 " + sign + " 个工作日，办结 "
                + close + " 个工作日", null, Map.of("signDays", sign, "closeDays", close));
    }

    /** Marks a weekday as a holiday or a weekend day as a make-up working day. */
    @Transactional
    public void putDay(KaopingPrincipal p, LocalDate day, DayForm form) {
        requireEdits(p);
        List<FieldProblem> problems = new ArrayList<>();
        if (day == null || day.getYear() < 2000 || day.getYear() > 2100) {
            problems.add(new FieldProblem("day", "请填写 2000 至 2100 年间的日期"));
        }
        if (form == null || form.working() == null) {
            problems.add(new FieldProblem("working", "请选择放假或调休上班"));
        } else if (day != null && form.working() != weekend(day)) {
            problems.add(new FieldProblem("working", form.working()
                    ? "周一至周五本来就上班，只有周六、周日可登记为调休上班日"
                    : "周六、周日本来就休息，只有周一至周五可登记为节假日"));
        }
        String note = form == null || form.note() == null ? null : form.note().strip();
        if (note != null && note.length() > 50) {
            problems.add(new FieldProblem("note", "说明最多 50 字"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        store.putCalendarDay(new ComplaintStore.CalendarDay(day, form.working(),
                note == null || note.isEmpty() ? null : note));
        audit.record("UPDATE", "working_calendar", day.toString(), day + (form.working() ? " 调休上班" : " 放假")
                + (note == null || note.isEmpty() ? "" : "（" + note + "）"), null, Map.of("working", form.working()));
    }

    /** Takes a day off the calendar: it is again what its weekday says. */
    @Transactional
    public void removeDay(KaopingPrincipal p, LocalDate day) {
        requireEdits(p);
        if (day == null || !store.removeCalendarDay(day)) {
            throw new NotFoundException("日历中没有这一天");
        }
        audit.record("DELETE", "working_calendar", day.toString(), day + " 恢复为按星期计算", null, Map.of());
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static void requireEdits(KaopingPrincipal p) {
        if (!edits(p)) {
            throw new ForbiddenException("投诉类别和工作日历由市房产主管部门维护");
        }
    }
}
