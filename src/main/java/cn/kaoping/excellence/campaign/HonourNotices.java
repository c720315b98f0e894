package cn.kaoping.excellence.campaign;

import cn.kaoping.platform.web.EstateNotices;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The estate's honours on its public page (issue 16: the honours appear on the estate's public page), and, while a
 * re-evaluation's satisfaction result is being announced (seed 002 二、4(1): 经公告7日后报…), that result.
 */
@Component
class HonourNotices implements EstateNotices {

    private final HonourStore store;

    HonourNotices(HonourStore store) {
        this.store = store;
    }

    @Override
    public List<Notice> noticesFor(long estateId, java.time.LocalDate today) {
        List<Notice> notices = new ArrayList<>();
        List<String> honours = store.honoursOf(estateId).stream().filter(h -> !h.revoked())
                .map(h -> h.yearWon() + " 年 " + h.title() + (h.status() == HonourStatus.RETAINED
                        ? "（" + h.statusYear() + " 年复评保留）" : "")).toList();
        if (!honours.isEmpty()) {
            notices.add(new Notice("荣誉称号", honours));
        }
        for (HonourStore.Entry e : store.entriesOfEstate(estateId)) {
            if (e.satisfactionPosted() != null && e.owners() != null
                    && !today.isAfter(e.satisfactionPosted().plusDays(Composite.SATISFACTION_NOTICE_DAYS))) {
                notices.add(new Notice("“市优”复评业主满意率调查结果公告", List.of(
                        "满意 " + e.satisfied() + " 人，基本满意 " + e.basicallySatisfied() + " 人，专有部分业主共 "
                                + e.owners() + " 人",
                        "公告期 " + e.satisfactionPosted() + " 至 "
                                + e.satisfactionPosted().plusDays(Composite.SATISFACTION_NOTICE_DAYS - 1L)
                                + "，如有异议请向小区所在区物业管理协会反映")));
            }
        }
        return notices;
    }
}
