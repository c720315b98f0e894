package cn.kaoping.account.internal;

import cn.kaoping.shared.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new user: a region for regional roles, a company for company users, an estate for committee members. */
public record UserForm(
        @NotBlank(message = "{user.username.required}") @Pattern(regexp = "[a-z][a-z0-9_.-]{2,39}", message = "{user.username.pattern}") String username,
        @NotBlank(message = "{user.displayName.required}") @Size(max = 40, message = "{field.tooLong}") String displayName,
        @NotNull(message = "{user.role.required}") Role role,
        Long regionId,
        Long companyId,
        Long estateId,
        @NotBlank(message = "{user.password.required}") String password) {

    public static UserForm empty() {
        return new UserForm("", "", Role.STREET_OFFICER, null, null, null, "");
    }
}
