package cn.kaoping.rectification.internal;

import cn.kaoping.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A district's notice template (seed 000: 由区房产主管部门制定统一模板): issuing body 发文机关, document number prefix,
 * heading, body text with placeholders, deadline rule (days after issue), reminder lead time and acceptance method.
 */
public record Template(long districtId, String issuingBody, String numberPrefix, String heading, String body,
                       int deadlineDays, int reminderDays, String acceptanceMethod) {

    /** The placeholders the body may hold. */
    public static final List<String> PLACEHOLDERS = List.of("{企业}", "{小区}", "{街道}", "{期间}", "{期限}", "{发文机关}");

    static final String DEFAULT_BODY = "经{期间}住宅小区物业服务质量考评，你单位服务的{小区}（{街道}）存在下列问题。"
            + "请于{期限}前完成整改，逐项填写整改情况并上传整改后照片，报送{发文机关}。"
            + "逾期未整改或整改不到位的，将按有关规定予以通报、约谈直至处罚。";
    static final String DEFAULT_ACCEPTANCE = "由区房产主管部门牵头，会同街道办事处及相关部门现场验收，"
            + "逐项核对整改情况和照片，合格的予以销号，不合格的退回重新整改。";

    /** The template a district starts with until its admin edits it: 河东区 → 河东区房产主管部门, 河东整改. */
    static Template defaults(long districtId, String districtName) {
        String shortName = districtName.endsWith("区") && districtName.length() > 2
                ? districtName.substring(0, districtName.length() - 1) : districtName;
        return new Template(districtId, districtName + "房产主管部门", shortName + "整改", "整改通知书", DEFAULT_BODY,
                20, 3, DEFAULT_ACCEPTANCE);
    }

    /** Checks an edited template; every problem is named, in Chinese. */
    Template validated() {
        List<ValidationException.FieldProblem> problems = new ArrayList<>();
        required(problems, "issuingBody", issuingBody, "发文机关", 60);
        required(problems, "numberPrefix", numberPrefix, "文号前缀", 20);
        required(problems, "heading", heading, "标题", 60);
        required(problems, "body", body, "正文", 4000);
        required(problems, "acceptanceMethod", acceptanceMethod, "验收方式", 2000);
        if (numberPrefix != null && numberPrefix.matches(".*[〔〕\\[\\]\\s].*")) {
            problems.add(new ValidationException.FieldProblem("numberPrefix", "文号前缀不要包含括号或空格，如“西岗整改”"));
        }
        if (deadlineDays < 1 || deadlineDays > 365) {
            problems.add(new ValidationException.FieldProblem("deadlineDays", "整改期限应为 1 至 365 天"));
        }
        if (reminderDays < 0 || reminderDays > 60) {
            problems.add(new ValidationException.FieldProblem("reminderDays", "提前提醒天数应为 0 至 60 天"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new Template(districtId, issuingBody.strip(), numberPrefix.strip(), heading.strip(), body.strip(),
                deadlineDays, reminderDays, acceptanceMethod.strip());
    }

    private static void required(List<ValidationException.FieldProblem> problems, String field, String value,
                                 String label, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new ValidationException.FieldProblem(field, "请填写" + label));
        } else if (value.strip().length() > max) {
            problems.add(new ValidationException.FieldProblem(field, label + "不能超过 " + max + " 字"));
        }
    }

    /** The document number: prefix〔year〕n号, e.g. 西岗整改〔2020〕12号. */
    static String number(String prefix, int year, int sequence) {
        return prefix + "〔" + year + "〕" + sequence + "号";
    }

    /** Fills the body's placeholders. */
    static String render(String body, Map<String, String> values) {
        String out = body;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace(e.getKey(), e.getValue() == null ? "" : e.getValue());
        }
        return out;
    }
}
