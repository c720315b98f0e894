package cn.kaoping.voting.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaoping.platform.excel.Spreadsheets;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.voting.disclosure.FundStatement.Kind;
import cn.kaoping.voting.disclosure.FundStatement.Line;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The half-year statement's rules: the maintenance fund balances to the cent, due days, the Excel layout. */
class FundStatementTests {

    private static final List<Line> LINES = List.of(
            new Line(Kind.COMMON_INCOME, "停车", "地面停车位", new BigDecimal("12000.00")),
            new Line(Kind.COMMON_INCOME, "广告", null, new BigDecimal("3000.50")),
            new Line(Kind.COMMON_USE, "绿化补植", null, new BigDecimal("4000.00")),
            new Line(Kind.FUND_INCOME, "新交存", null, new BigDecimal("20000.00")),
            new Line(Kind.FUND_SPENDING, "电梯维修", "2号楼", new BigDecimal("8000.01")));

    @Test
    void theFundBalancesToTheCentOrTheStatementIsRefusedNamingTheSums() {
        FundStatement s = FundStatement.checked("2026-h1", new BigDecimal("100000.00"), new BigDecimal("111999.99"),
                LINES);
        assertThat(s.half()).isEqualTo("2026-H1");
        assertThat(s.commonBalance()).isEqualByComparingTo("11000.50");
        assertThatThrownBy(() -> FundStatement.checked("2026-H1", new BigDecimal("100000.00"),
                new BigDecimal("112000.00"), LINES)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("维修资金不平衡").hasMessageContaining("111999.99");
        assertThatThrownBy(() -> FundStatement.checked("2026-H3", new BigDecimal("1.001"), null, List.of(
                new Line(Kind.COMMON_INCOME, "", null, new BigDecimal("-1")))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::field)
                        .contains("half", "fundOpening", "fundClosing", "lines[0].item", "lines[0].amount"));
    }

    @Test
    void aHalfYearsStatementIsDueAtTheEndOfTheNextMonth() {
        assertThat(StatementDeadlines.defaults().dueOn("2026-H1")).isEqualTo(LocalDate.of(2026, 7, 31));
        assertThat(StatementDeadlines.defaults().dueOn("2026-H2")).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(FundStatement.lastEndedHalf(LocalDate.of(2026, 12, 4))).isEqualTo("2026-H1");
        assertThat(FundStatement.lastEndedHalf(LocalDate.of(2027, 3, 1))).isEqualTo("2026-H2");
    }

    @Test
    void theExcelStatementIsReadRowByRowAndEveryBadRowIsNamed() {
        byte[] good = Spreadsheets.write(StatementSheet.LAYOUT, List.of(
                List.of("维修资金期初余额", "", "", "100000.00"),
                List.of("公共收益收入", "停车", "地面停车位", "12,000.00"),
                List.of("维修资金支出", "电梯维修", "2号楼", "8000"),
                List.of("维修资金期末余额", "", "", "92000.00")));
        FundStatement s = StatementSheet.read(new ByteArrayInputStream(good), "2026-H2");
        assertThat(s.lines()).hasSize(2);
        assertThat(s.total(Kind.COMMON_INCOME)).isEqualByComparingTo("12000");

        byte[] bad = Spreadsheets.write(StatementSheet.LAYOUT, List.of(
                List.of("维修资金期初余额", "", "", "100000.00"),
                List.of("停车收入", "停车", "", "12000"),
                List.of("公共收益支出", "保洁", "", "一千")));
        assertThatThrownBy(() -> StatementSheet.read(new ByteArrayInputStream(bad), "2026-H2"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("第 3 行")
                .satisfies(e -> assertThat(((ValidationException) e).problems()).extracting(
                        ValidationException.FieldProblem::message).anyMatch(m -> m.contains("第 4 行"))
                        .anyMatch(m -> m.contains("维修资金期末余额")));
        assertThatThrownBy(() -> StatementSheet.read(new ByteArrayInputStream("not excel".getBytes()), "2026-H2"))
                .isInstanceOf(ValidationException.class).hasMessageContaining(".xlsx");
    }
}
