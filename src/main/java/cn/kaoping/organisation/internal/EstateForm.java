package cn.kaoping.organisation.internal;

import cn.kaoping.organisation.EstateCategory;
import cn.kaoping.organisation.ManagementMode;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** What an official enters for an estate, on the form, in the API and per imported row. */
public record EstateForm(
        @NotBlank(message = "{estate.name.required}") @Size(max = 100, message = "{field.tooLong}") String name,
        @NotBlank(message = "{estate.address.required}") @Size(max = 200, message = "{field.tooLong}") String address,
        @NotNull(message = "{estate.community.required}") Long communityId,
        @NotNull(message = "{estate.category.required}") EstateCategory category,
        boolean oldEstate,
        @NotNull(message = "{estate.mode.required}") ManagementMode managementMode,
        @NotNull(message = "{estate.floorArea.required}") @DecimalMin(value = "0", message = "{estate.floorArea.min}")
        @Digits(integer = 12, fraction = 2, message = "{estate.floorArea.digits}") BigDecimal floorArea,
        @NotNull(message = "{estate.households.required}") @Min(value = 0, message = "{estate.households.min}")
        @Max(value = 100000, message = "{estate.households.max}") Integer householdCount,
        Long companyId,
        Long projectManagerId,
        LocalDate contractStart,
        boolean contractFiled,
        Integer version) {

    public static EstateForm empty() {
        return new EstateForm("", "", null, EstateCategory.PROFESSIONAL, false, ManagementMode.COMPANY, null, null,
                null, null, null, false, null);
    }
}
