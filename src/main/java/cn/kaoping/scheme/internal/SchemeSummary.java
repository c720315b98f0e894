package cn.kaoping.scheme.internal;

/**
 * A scheme in the list: its latest published version, and its draft if one is being edited.
 *
 * @param label            a badge such as 示例标准，可修改 (the scheme's {@code label} setting), or {@code null}
 * @param publishedVersion the latest published version, or {@code null} when only a draft exists
 * @param draftVersion     the draft being edited, or {@code null}
 */
public record SchemeSummary(String code, String title, String source, String label, boolean builtIn,
                            Integer publishedVersion, Integer draftVersion) {
}
