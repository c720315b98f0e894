package cn.kaoping.organisation.internal;

import cn.kaoping.organisation.CommitteeKind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** An estate's owners' committee (业主委员会) or interim committee (物业管理委员会). */
public record CommitteeForm(
        @NotNull(message = "{committee.kind.required}") CommitteeKind kind,
        @NotNull(message = "{committee.termStart.required}") LocalDate termStart,
        @NotNull(message = "{committee.termEnd.required}") LocalDate termEnd,
        @NotNull(message = "{committee.members.required}") @Min(value = 1, message = "{committee.members.min}")
        @Max(value = 99, message = "{committee.members.max}") Integer memberCount,
        @NotNull(message = "{committee.party.required}") @Min(value = 0, message = "{committee.party.min}") Integer partyMemberCount) {
}
