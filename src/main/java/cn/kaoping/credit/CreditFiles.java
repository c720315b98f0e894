package cn.kaoping.credit;

import cn.kaoping.credit.internal.CreditService;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Credit files for other modules and the public site (e.g. a tender module weighing a company's credit, seed 003:
 * 将物业服务企业诚信结果运用到招投标活动中): scores with their explanation and the public bad records.
 */
@Service
public class CreditFiles {

    private final CreditService credit;

    CreditFiles(CreditService credit) {
        this.credit = credit;
    }

    /** A company's (or project manager's) score on a day, with one explanation line per record that counts. */
    public CreditScore score(SubjectType type, long id, LocalDate asOf) {
        return credit.score(type, id, asOf);
    }

    /** A company's score for a year (taken on 31 December, or today while the year runs). */
    public CreditScore yearScore(long companyId, int year) {
        return credit.score(SubjectType.COMPANY, companyId, credit.scoreDate(year));
    }

    /** The bad records in force today and not annulled (what the public site shows); companyId null for all. */
    public List<CreditRecord> publicBadRecords(Long companyId) {
        return credit.publicBad(companyId);
    }
}
