package cn.kaoping.audit;

/**
 * The outcome of checking the audit chain against a published head: {@code valid} when the first {@code count}
 * rows link up, each hash matches its row, and the hash of row {@code count} is the published head.
 *
 * @param rowsChecked rows read (at most the published count)
 * @param actualHead  the hash of the last row read, or null when there are none
 * @param firstBadId  the first row whose link or hash does not match, if that was the failure
 * @param problem     what failed, in Chinese, or null when valid
 */
public record ChainCheck(boolean valid, long count, String head, long rowsChecked, String actualHead,
                         Long firstBadId, String problem) {
}
