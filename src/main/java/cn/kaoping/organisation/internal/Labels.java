package cn.kaoping.organisation.internal;

import cn.kaoping.organisation.EstateCategory;
import cn.kaoping.organisation.ManagementMode;
import java.util.Arrays;
import java.util.Optional;

/** The Chinese words officials use in spreadsheets for the registry's enumerations. */
public final class Labels {

    private Labels() {
    }

    public static String of(EstateCategory c) {
        return c == EstateCategory.PROFESSIONAL ? "专业化" : "保障型";
    }

    public static String of(ManagementMode m) {
        return switch (m) {
            case COMPANY -> "物业企业";
            case EMPLOYER -> "单位后勤";
            case CITY_SERVICE -> "物业城市";
            case NONE -> "无人管";
        };
    }

    public static Optional<EstateCategory> category(String s) {
        return Arrays.stream(EstateCategory.values()).filter(c -> of(c).equals(s.trim())).findFirst();
    }

    public static Optional<ManagementMode> mode(String s) {
        return Arrays.stream(ManagementMode.values()).filter(m -> of(m).equals(s.trim())).findFirst();
    }

    public static String yesNo(boolean b) {
        return b ? "是" : "否";
    }
}
