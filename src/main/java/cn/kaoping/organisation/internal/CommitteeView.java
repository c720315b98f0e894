package cn.kaoping.organisation.internal;

import cn.kaoping.organisation.CommitteeKind;
import java.time.LocalDate;

public record CommitteeView(long id, long estateId, CommitteeKind kind, LocalDate termStart, LocalDate termEnd,
                            int memberCount, int partyMemberCount) {

    public CommitteeForm toForm() {
        return new CommitteeForm(kind, termStart, termEnd, memberCount, partyMemberCount);
    }

    public boolean inTermOn(LocalDate day) {
        return !day.isBefore(termStart) && day.isBefore(termEnd);
    }
}
