package cn.kaoping.organisation.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A property company (物业服务企业) as entered on the form, in the API and per imported row. */
public record CompanyForm(
        @NotBlank(message = "{company.name.required}") @Size(max = 100, message = "{field.tooLong}") String name,
        @NotBlank(message = "{company.creditCode.required}") String creditCode,
        @Size(max = 40, message = "{field.tooLong}") String contactPerson,
        @Pattern(regexp = "^$|^[0-9+\\-() ]{7,20}$", message = "{company.phone.pattern}") String contactPhone,
        @Size(max = 200, message = "{field.tooLong}") String address,
        Integer version) {

    public static CompanyForm empty() {
        return new CompanyForm("", "", "", "", "", null);
    }
}
