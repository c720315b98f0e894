package cn.kaoping.survey.internal;

import java.util.Locale;

/** A household as the survey knows it (its snapshot of the registry row) and how an owner names it. */
public record Household(long id, long estateId, String building, String unit, String room) {

    /** 1栋2单元301室 */
    public String label() {
        return building + "栋" + (unit.isEmpty() ? "" : unit + "单元") + room + "室";
    }

    /**
     * Whether building, unit and room as typed name this household. Building and room must match; the unit only
     * when one was typed. Suffixes (栋, 号楼, 单元, 室) and full-width digits are forgiven.
     */
    public boolean isNamedBy(String typedBuilding, String typedUnit, String typedRoom) {
        if (!same(building, typedBuilding, "号楼", "栋", "幢", "号") || !same(room, typedRoom, "室", "号")) {
            return false;
        }
        return clean(typedUnit).isEmpty() || same(unit, typedUnit, "单元");
    }

    private static boolean same(String stored, String typed, String... suffixes) {
        return strip(clean(stored), suffixes).equals(strip(clean(typed), suffixes));
    }

    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char c : s.trim().toCharArray()) {
            if (c >= '\uff10' && c <= '\uff19') {
                out.append((char) (c - '\uff10' + '0'));
            } else if (c >= '\uff21' && c <= '\uff3a') {
                out.append((char) (c - '\uff21' + 'A'));
            } else if (c != ' ' && c != '\u3000') {
                out.append(c);
            }
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    private static String strip(String s, String... suffixes) {
        for (String suffix : suffixes) {
            if (s.endsWith(suffix) && s.length() > suffix.length()) {
                return s.substring(0, s.length() - suffix.length());
            }
        }
        return s;
    }
}
