package cn.kaoping.platform.excel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Parsing of the cell texts officials type: decimals, whole numbers, dates in the usual Chinese ways, 是/否. */
public final class Cells {

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("yyyy-M-d"), DateTimeFormatter.ofPattern("yyyy/M/d"),
            DateTimeFormatter.ofPattern("yyyy.M.d"), DateTimeFormatter.ofPattern("yyyy年M月d日"),
            DateTimeFormatter.BASIC_ISO_DATE);
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private Cells() {
    }

    public static Optional<BigDecimal> decimal(String s) {
        try {
            return Optional.of(new BigDecimal(s.replace(",", "").replace("，", "").trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static Optional<Integer> whole(String s) {
        return decimal(s).flatMap(d -> {
            try {
                return Optional.of(d.stripTrailingZeros().intValueExact());
            } catch (ArithmeticException e) {
                return Optional.empty();
            }
        });
    }

    public static Optional<LocalDate> date(String s) {
        String t = s.trim();
        String datePart = t.contains(" ") ? t.substring(0, t.indexOf(' ')) : t;
        for (DateTimeFormatter f : DATES) {
            try {
                return Optional.of(LocalDate.parse(datePart, f));
            } catch (DateTimeParseException e) {
                // try the next layout
            }
        }
        // a date cell Excel stored as a serial day number
        return whole(t).filter(n -> n > 0 && n < 100000).map(n -> EXCEL_EPOCH.plusDays(n));
    }

    public static Optional<Boolean> yesNo(String s) {
        return switch (s.trim()) {
            case "是", "Y", "y", "1", "TRUE", "true" -> Optional.of(true);
            case "否", "N", "n", "0", "FALSE", "false" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
