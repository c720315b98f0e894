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
        return builder().name("").address("").category(EstateCategory.PROFESSIONAL)
                .managementMode(ManagementMode.COMPANY).build();
    }

    /** Builds a form by component name; a component not set is null, zero or false. */
    public static Builder builder() {
        return new Builder();
    }

    /** Sets the components of {@link EstateForm} by name, in any order. */
    public static final class Builder {

        private String name;
        private String address;
        private Long communityId;
        private EstateCategory category;
        private boolean oldEstate;
        private ManagementMode managementMode;
        private BigDecimal floorArea;
        private Integer householdCount;
        private Long companyId;
        private Long projectManagerId;
        private LocalDate contractStart;
        private boolean contractFiled;
        private Integer version;

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder address(String address) {
            this.address = address;
            return this;
        }

        public Builder communityId(Long communityId) {
            this.communityId = communityId;
            return this;
        }

        public Builder category(EstateCategory category) {
            this.category = category;
            return this;
        }

        public Builder oldEstate(boolean oldEstate) {
            this.oldEstate = oldEstate;
            return this;
        }

        public Builder managementMode(ManagementMode managementMode) {
            this.managementMode = managementMode;
            return this;
        }

        public Builder floorArea(BigDecimal floorArea) {
            this.floorArea = floorArea;
            return this;
        }

        public Builder householdCount(Integer householdCount) {
            this.householdCount = householdCount;
            return this;
        }

        public Builder companyId(Long companyId) {
            this.companyId = companyId;
            return this;
        }

        public Builder projectManagerId(Long projectManagerId) {
            this.projectManagerId = projectManagerId;
            return this;
        }

        public Builder contractStart(LocalDate contractStart) {
            this.contractStart = contractStart;
            return this;
        }

        public Builder contractFiled(boolean contractFiled) {
            this.contractFiled = contractFiled;
            return this;
        }

        public Builder version(Integer version) {
            this.version = version;
            return this;
        }

        public EstateForm build() {
            return new EstateForm(name, address, communityId, category, oldEstate, managementMode, floorArea,
                    householdCount, companyId, projectManagerId, contractStart, contractFiled, version);
        }
    }
}
