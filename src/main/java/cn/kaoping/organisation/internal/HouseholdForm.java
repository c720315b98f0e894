package cn.kaoping.organisation.internal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A household (业主, 专有部分): building, unit, room and its exclusive floor area. */
public record HouseholdForm(
        @NotBlank(message = "{household.building.required}") @Size(max = 20, message = "{field.tooLong}") String building,
        @Size(max = 20, message = "{field.tooLong}") String unit,
        @NotBlank(message = "{household.room.required}") @Size(max = 20, message = "{field.tooLong}") String room,
        @NotNull(message = "{household.area.required}") @DecimalMin(value = "0.01", message = "{household.area.min}")
        @Digits(integer = 8, fraction = 2, message = "{household.area.digits}") BigDecimal floorArea) {
}
