package cn.kaoping.organisation.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A project manager (项目负责人) of a company. */
public record ManagerForm(
        @NotBlank(message = "{manager.name.required}") @Size(max = 40, message = "{field.tooLong}") String name,
        @Pattern(regexp = "^$|^[0-9+\\-() ]{7,20}$", message = "{company.phone.pattern}") String phone,
        @Size(max = 40, message = "{field.tooLong}") String certificateNo) {
}
