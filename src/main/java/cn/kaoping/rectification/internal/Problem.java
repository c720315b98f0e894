package cn.kaoping.rectification.internal;

import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One problem of a notice and its own small state machine: OPEN → ANSWERED (the company submitted its answer) →
 * CLOSED (accepted, 销号), or rejected back to OPEN with a reason; a reopened notice opens its problems again.
 */
public final class Problem {

    private final long id;
    private final int position;
    private final String ruleCode;
    private final String description;
    private final BigDecimal pointsLost;
    private final String source;
    private ProblemStatus status;
    private String answer;
    private String rejection;
    private int rejections;
    private LocalDate closedOn;
    private final int answerPhotos;

    public Problem(long id, int position, String ruleCode, String description, BigDecimal pointsLost, String source,
                   ProblemStatus status, String answer, String rejection, int rejections, LocalDate closedOn,
                   int answerPhotos) {
        this.id = id;
        this.position = position;
        this.ruleCode = ruleCode;
        this.description = description;
        this.pointsLost = pointsLost;
        this.source = source;
        this.status = status;
        this.answer = answer;
        this.rejection = rejection;
        this.rejections = rejections;
        this.closedOn = closedOn;
        this.answerPhotos = answerPhotos;
    }

    /** The company writes (or rewrites) what it did; allowed while the problem is open. */
    void answer(String text) {
        if (status != ProblemStatus.OPEN) {
            throw new ConflictException("问题" + position + "已" + status.label() + "，不能再修改整改情况");
        }
        if (text == null || text.isBlank()) {
            throw new ValidationException("answer", "请填写问题" + position + "的整改情况");
        }
        if (text.strip().length() > 2000) {
            throw new ValidationException("answer", "整改情况不能超过 2000 字");
        }
        answer = text.strip();
    }

    /** Hands an open problem to the acceptance inspection: it needs an answer and at least one photo. */
    void submit() {
        if (status != ProblemStatus.OPEN) {
            return;
        }
        if (answer == null || answer.isBlank()) {
            throw new ValidationException("answer", "问题" + position + "还没有填写整改情况");
        }
        if (answerPhotos == 0) {
            throw new ValidationException("file", "问题" + position + "还没有上传整改照片");
        }
        status = ProblemStatus.ANSWERED;
    }

    /** Acceptance passed: the problem is closed (销号). */
    void accept(LocalDate on) {
        requireAnswered();
        status = ProblemStatus.CLOSED;
        closedOn = on;
        rejection = null;
    }

    /** Acceptance failed: back to the company with the reason. */
    void reject(String reason) {
        requireAnswered();
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("reason", "验收不合格时请写明原因");
        }
        status = ProblemStatus.OPEN;
        rejection = reason.strip();
        rejections++;
    }

    /** A reopened notice opens its closed problems again. */
    void reopen() {
        status = ProblemStatus.OPEN;
        closedOn = null;
    }

    private void requireAnswered() {
        if (status != ProblemStatus.ANSWERED) {
            throw new ConflictException("问题" + position + status.label() + "，不能验收");
        }
    }

    public long id() {
        return id;
    }

    public int position() {
        return position;
    }

    public String ruleCode() {
        return ruleCode;
    }

    public String description() {
        return description;
    }

    public BigDecimal pointsLost() {
        return pointsLost;
    }

    public String source() {
        return source;
    }

    public ProblemStatus status() {
        return status;
    }

    public String answer() {
        return answer;
    }

    public String rejection() {
        return rejection;
    }

    public int rejections() {
        return rejections;
    }

    public LocalDate closedOn() {
        return closedOn;
    }

    public int answerPhotos() {
        return answerPhotos;
    }
}
