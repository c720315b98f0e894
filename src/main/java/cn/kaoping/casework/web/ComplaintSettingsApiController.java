package cn.kaoping.casework.web;

import cn.kaoping.casework.complaints.ComplaintSettings;
import cn.kaoping.casework.complaints.ComplaintStore;
import cn.kaoping.shared.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The complaint categories (with their deadlines in working days) and the working calendar through the API: anyone
 * signed in reads them, the city's housing authority changes them (others 403), bad input 400.
 */
@RestController
@RequestMapping("/api/v1/complaints")
@Tag(name = "complaints", description = "投诉工单：登记、签收、派单、答复、办结、回访、退回，统计")
@SecurityRequirement(name = "bearer")
class ComplaintSettingsApiController {

    private final ComplaintSettings settings;
    private final Clock clock;

    ComplaintSettingsApiController(ComplaintSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Operation(summary = "投诉类别及其签收、办结期限（工作日）")
    @GetMapping("/categories")
    List<ComplaintStore.Category> categories() {
        return settings.categories();
    }

    @Operation(summary = "新增或修改投诉类别（市房产主管部门）；新期限用于此后受理的投诉")
    @PutMapping("/categories/{code}")
    List<ComplaintStore.Category> saveCategory(@PathVariable String code,
                                               @RequestBody ComplaintSettings.CategoryForm form) {
        settings.saveCategory(CurrentUser.get(), code, form);
        return settings.categories();
    }

    @Operation(summary = "一年的工作日历例外：节假日（working=false）和调休上班日（working=true）")
    @GetMapping("/calendar")
    List<ComplaintStore.CalendarDay> calendar(@RequestParam(required = false) Integer year) {
        return settings.calendar(year == null ? LocalDate.now(clock).getYear() : year);
    }

    @Operation(summary = "登记节假日或调休上班日（市房产主管部门）")
    @PutMapping("/calendar/{day}")
    List<ComplaintStore.CalendarDay> putDay(@PathVariable @DateTimeFormat(iso = ISO.DATE) LocalDate day,
                                            @RequestBody ComplaintSettings.DayForm form) {
        settings.putDay(CurrentUser.get(), day, form);
        return settings.calendar(day.getYear());
    }

    @Operation(summary = "删除日历中的一天（恢复为按星期计算）")
    @DeleteMapping("/calendar/{day}")
    ResponseEntity<Void> removeDay(@PathVariable @DateTimeFormat(iso = ISO.DATE) LocalDate day) {
        settings.removeDay(CurrentUser.get(), day);
        return ResponseEntity.noContent().build();
    }
}
