package cn.kaoping.rectification;

import java.time.LocalDate;

/** A closed notice was reopened, with the reason the officer gave. */
public record NoticeReopened(long noticeId, String number, long companyId, long districtId, long estateId,
                             String reason, LocalDate reopenedOn) {
}
