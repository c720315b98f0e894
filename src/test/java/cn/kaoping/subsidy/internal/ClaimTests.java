package cn.kaoping.subsidy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.subsidy.internal.Forms.Correction;
import cn.kaoping.subsidy.internal.Forms.Payment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The claim's state machine, without a database: every legal step and every refusal. */
class ClaimTests {

    private static final LocalDate TODAY = LocalDate.of(2111, 7, 20);
    private static final long REVIEWER = 7;
    private static final long LEADER = 8;
    private static final BigDecimal TOTAL = new BigDecimal("1755.59");

    private static Claim claim(ClaimStatus status, int toPay, int paid) {
        return new Claim(1, "东风街道", "2111-H1", LocalDate.of(2111, 6, 30), status,
                status.compareTo(ClaimStatus.REVIEWED) >= 0 ? REVIEWER : null,
                status.locked() ? LEADER : null, status.locked() ? TOTAL : null, null, null, null, TOTAL, toPay, paid);
    }

    private static Claim draft() {
        return claim(ClaimStatus.DRAFT, 2, 0);
    }

    private static Views.Line line(long id, String amount, LocalDate paidOn) {
        return new Views.Line(id, 1, 100 + id, "小区" + id, 9L, "测试物业", new BigDecimal("88.00"), "GOOD", null, null,
                null, null, null, null, null, List.of(), null, amount == null ? null : new BigDecimal(amount),
                amount == null ? "NO_AREA" : null, paidOn, null, null, null, null, null);
    }

    private static Payment pay(String amount, String note) {
        return new Payment(TODAY, new BigDecimal(amount), " CZ-1 ", note, null);
    }

    private static List<String> actions(Claim c) {
        return c.events().stream().map(ClaimEvent::action).toList();
    }

    @Test
    void theStreetSubmitsTheOfficeReviewsAnotherLeaderApprovesAndTheTotalIsLocked() {
        Claim c = draft();
        UUID document = UUID.randomUUID();
        c.submit("请审核", document, TODAY);
        assertThat(c.status()).isEqualTo(ClaimStatus.SUBMITTED);
        c.review(REVIEWER, null, null, TODAY);
        assertThat(c.status()).isEqualTo(ClaimStatus.REVIEWED);
        assertThat(c.reviewedById()).isEqualTo(REVIEWER);
        c.approve(LEADER, "同意", null, TODAY);
        assertThat(c.status()).isEqualTo(ClaimStatus.APPROVED);
        assertThat(c.status().locked()).isTrue();
        assertThat(c.approvedById()).isEqualTo(LEADER);
        assertThat(c.approvedTotal()).isEqualByComparingTo(TOTAL);
        assertThat(actions(c)).containsExactly("SUBMIT", "REVIEW", "APPROVE");
        ClaimEvent.Moved submitted = (ClaimEvent.Moved) c.events().get(0);
        assertThat(submitted.from()).isEqualTo(ClaimStatus.DRAFT);
        assertThat(submitted.note()).isEqualTo("请审核");
        assertThat(submitted.document()).isEqualTo(document);
        assertThat(submitted.on()).isEqualTo(TODAY);
    }

    @Test
    void theReviewerMayNotApproveTheSameClaim() {
        Claim c = claim(ClaimStatus.REVIEWED, 2, 0);
        assertThatThrownBy(() -> c.approve(REVIEWER, null, null, TODAY)).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("四眼原则");
        assertThat(c.status()).isEqualTo(ClaimStatus.REVIEWED);
        assertThat(c.events()).isEmpty();
    }

    @Test
    void aReturnNeedsAReasonAndForgetsTheReviewer() {
        Claim c = claim(ClaimStatus.SUBMITTED, 2, 0);
        assertThatThrownBy(() -> c.returnToStreet(null, null, TODAY)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("退回原因");
        c.returnToStreet("请附合同面积证明", null, TODAY);
        assertThat(c.status()).isEqualTo(ClaimStatus.DRAFT);
        assertThat(c.reviewedById()).isNull();
        assertThat(actions(c)).containsExactly("RETURN");
        c.submit(null, null, TODAY);
        assertThat(c.status()).isEqualTo(ClaimStatus.SUBMITTED);
    }

    @Test
    void eachStepIsRefusedOutOfOrder() {
        for (ClaimStatus s : ClaimStatus.values()) {
            Claim c = claim(s, 1, 0);
            if (s != ClaimStatus.DRAFT) {
                assertThatThrownBy(() -> c.submit(null, null, TODAY)).as("submit when " + s)
                        .isInstanceOf(ConflictException.class).hasMessageContaining("只有草稿可以提交");
            }
            if (s != ClaimStatus.SUBMITTED) {
                assertThatThrownBy(() -> c.review(REVIEWER, null, null, TODAY)).as("review when " + s)
                        .isInstanceOf(ConflictException.class).hasMessageContaining(s.label());
                assertThatThrownBy(() -> c.returnToStreet("x", null, TODAY)).as("return when " + s)
                        .isInstanceOf(ConflictException.class);
            }
            if (s != ClaimStatus.REVIEWED) {
                assertThatThrownBy(() -> c.approve(LEADER, null, null, TODAY)).as("approve when " + s)
                        .isInstanceOf(ConflictException.class);
            }
            if (s != ClaimStatus.APPROVED) {
                assertThatThrownBy(() -> c.payStreet(pay("1755.59", null), TODAY)).as("pay the street when " + s)
                        .isInstanceOf(ConflictException.class);
            }
            if (s != ClaimStatus.PAID_TO_STREET) {
                assertThatThrownBy(() -> c.payCompany(line(3, "10.00", null), pay("10.00", null), TODAY))
                        .as("pay a company when " + s).isInstanceOf(ConflictException.class);
            }
            assertThat(c.status()).isEqualTo(s);
            assertThat(c.events()).isEmpty();
        }
    }

    @Test
    void aReturnWithoutReasonIsRefusedForItsOrderFirst() {
        assertThatThrownBy(() -> draft().returnToStreet(null, null, TODAY)).isInstanceOf(ConflictException.class);
    }

    @Test
    void linesAreCorrectedOnlyInADraftAndWithAReason() {
        Correction ok = new Correction(new BigDecimal("1234.50"), LocalDate.of(2111, 3, 15), "合同面积");
        draft().correct(ok);
        assertThatThrownBy(() -> claim(ClaimStatus.SUBMITTED, 1, 0).correct(ok)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("退回街道后");
        assertThatThrownBy(() -> claim(ClaimStatus.REVIEWED, 1, 0).correct(ok)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("退回街道后");
        for (ClaimStatus locked : List.of(ClaimStatus.APPROVED, ClaimStatus.PAID_TO_STREET, ClaimStatus.CLOSED)) {
            assertThatThrownBy(() -> claim(locked, 1, 0).correct(ok)).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("金额已锁定");
        }
        assertThatThrownBy(() -> draft().correct(new Correction(new BigDecimal("1.005"), LocalDate.of(2111, 7, 1),
                " "))).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems())
                        .extracting(ValidationException.FieldProblem::field)
                        .containsExactly("area", "entryDate", "reason"));
        draft().correct(new Correction(BigDecimal.ZERO, null, "进驻通知书待查"));
    }

    @Test
    void financePaysTheApprovedTotalOrExplainsTheDifference() {
        Claim c = claim(ClaimStatus.APPROVED, 2, 0);
        assertThatThrownBy(() -> c.payStreet(pay("1.00", " "), TODAY)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("不一致");
        assertThatThrownBy(() -> c.payStreet(new Payment(null, null, " ", null, null), TODAY))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems())
                        .extracting(ValidationException.FieldProblem::field)
                        .containsExactly("paidOn", "amount", "voucher"));
        assertThatThrownBy(() -> c.payStreet(null, TODAY)).isInstanceOf(ValidationException.class);
        c.payStreet(pay("1755.59", null), TODAY);
        assertThat(c.status()).isEqualTo(ClaimStatus.PAID_TO_STREET);
        assertThat(c.paidVoucher()).isEqualTo("CZ-1");
        assertThat(c.paidAmount()).isEqualByComparingTo(TOTAL);
        assertThat(actions(c)).containsExactly("PAY_STREET");

        Claim other = claim(ClaimStatus.APPROVED, 2, 0);
        other.payStreet(pay("1700.00", "扣减未到位资金"), TODAY);
        assertThat(other.events().get(0).note()).isEqualTo("扣减未到位资金");
    }

    @Test
    void aClaimWithNothingToPayToCompaniesClosesWhenFinancePaysTheStreet() {
        Claim c = claim(ClaimStatus.APPROVED, 0, 0);
        c.payStreet(pay("1755.59", null), TODAY);
        assertThat(c.status()).isEqualTo(ClaimStatus.CLOSED);
        assertThat(actions(c)).containsExactly("PAY_STREET", "CLOSE");
    }

    @Test
    void theStreetPaysEachLineWithMoneyOnceAndTheLastOneClosesTheClaim() {
        Claim c = claim(ClaimStatus.PAID_TO_STREET, 2, 0);
        assertThatThrownBy(() -> c.payCompany(line(3, null, null), pay("0", null), TODAY))
                .isInstanceOf(ConflictException.class).hasMessageContaining("没有可拨付");
        assertThatThrownBy(() -> c.payCompany(line(3, "0.00", null), pay("0", null), TODAY))
                .isInstanceOf(ConflictException.class).hasMessageContaining("没有可拨付");
        assertThatThrownBy(() -> c.payCompany(line(3, "555.53", TODAY), pay("555.53", null), TODAY))
                .isInstanceOf(ConflictException.class).hasMessageContaining("不能重复登记");
        assertThatThrownBy(() -> c.payCompany(line(3, "555.53", null), pay("500.00", null), TODAY))
                .isInstanceOf(ValidationException.class).hasMessageContaining("核定金额");

        c.payCompany(line(3, "555.53", null), pay("555.53", null), TODAY);
        assertThat(c.status()).isEqualTo(ClaimStatus.PAID_TO_STREET);
        assertThat(c.paid()).isEqualTo(1);
        c.payCompany(line(4, "1200.06", null), pay("1200.06", null), TODAY);
        assertThat(c.status()).isEqualTo(ClaimStatus.CLOSED);
        assertThat(actions(c)).containsExactly("PAY_COMPANY", "PAY_COMPANY", "CLOSE");
        ClaimEvent.PaidToCompany first = (ClaimEvent.PaidToCompany) c.events().get(0);
        assertThat(first.lineId()).isEqualTo(3L);
        assertThat(first.voucher()).isEqualTo("CZ-1");
        assertThat(c.events().get(2).lineId()).isNull();
        c.clearEvents();
        assertThat(c.events()).isEmpty();
    }
}
