package cn.kaoping.inspection.internal;

import cn.kaoping.organisation.EstateCategory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Opening a round: its name, the scheme version it pins, the period, which estates (street, category, old estates
 * only; all estates of the leader's region by default), the deadlines and the publicity days. A round with the same
 * scheme and period over estates another round already assesses is refused unless {@code confirmOverlap}.
 */
public record RoundForm(
        @NotBlank(message = "请填写轮次名称") @Size(max = 100, message = "名称不能超过 100 字") String name,
        @NotBlank(message = "请选择考评标准") String schemeCode,
        @NotNull(message = "请选择考评标准的版本") Integer schemeVersion,
        @NotBlank(message = "请填写考评周期") String period,
        Long streetId,
        EstateCategory category,
        boolean oldEstatesOnly,
        @NotNull(message = "请填写检查截止日期") LocalDate inspectionDue,
        @NotNull(message = "请填写审核截止日期") LocalDate reviewDue,
        @NotNull(message = "请填写公示天数") @Min(value = 0, message = "公示天数不能为负数")
        @Max(value = 60, message = "公示天数不能超过 60 天") Integer publicityDays,
        boolean confirmOverlap) {
}
