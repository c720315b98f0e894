package cn.kaoping.organisation.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new child region (street office or community) or a rename. */
public record RegionForm(
        @NotNull(message = "{region.parent.required}") Long parentId,
        @NotBlank(message = "{region.name.required}") @Size(max = 60, message = "{field.tooLong}") String name,
        @NotBlank(message = "{region.code.required}") @Pattern(regexp = "[A-Za-z0-9_-]{2,40}", message = "{region.code.pattern}") String code) {
}
