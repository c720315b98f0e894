package cn.kaoping.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the rows, which page (from 1), the page size and the number of rows in all. */
public record Paged<T>(List<T> rows, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public int pages() {
        return total == 0 ? 1 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    public <R> Paged<R> map(Function<T, R> f) {
        return new Paged<>(rows.stream().map(f).toList(), page, size, total);
    }

    /** Clamps a requested page and size to sane values. */
    public static int[] clamp(Integer page, Integer size) {
        int p = page == null || page < 1 ? 1 : page;
        int s = size == null || size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
        return new int[] {p, s};
    }
}
