package cn.kaoping.casework.rules;

import cn.kaoping.casework.rules.DrawInput.DrawObject;
import cn.kaoping.casework.rules.DrawInput.Inspector;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The 双随机一公开 draw (seed 003 二、(一)7) as a documented, recomputable algorithm: anyone holding the published
 * lists and seed gets the same objects and the same inspector pairs (docs/casework.md; scripts/verify-draw.py is an
 * independent implementation).
 *
 * <ol>
 *   <li>Each list is put in canonical form (sorted by id, one {@code id\tname[\tunit]} line each, UTF-8, lines ending
 *       in {@code \n}) and frozen by its SHA-256.</li>
 *   <li>Random numbers: the k-th (k = 0, 1, …) is the first 8 bytes, big-endian and unsigned, of
 *       SHA-256(seed + ":" + k). A number below {@code bound} is drawn by rejection: take the next random r and
 *       accept {@code r mod bound} when {@code r < 2^64 − (2^64 mod bound)}, else take the next one.</li>
 *   <li>Objects: a Fisher–Yates shuffle of the sorted list, from the last position down, stops after {@code count}
 *       positions; the objects drawn are those positions, last first.</li>
 *   <li>Inspectors, per drawn object in that order: the first is drawn from the sorted inspectors without a declared
 *       conflict with the object; the second from those of them in another unit. An inspector may serve several
 *       objects.</li>
 * </ol>
 */
public final class RandomDraw {

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private RandomDraw() {
    }

    /** One drawn object with its two inspectors. */
    public record Pair(DrawObject object, Inspector first, Inspector second) {
    }

    /** The result, with the hashes of the frozen lists it was drawn from. */
    public record Result(String objectsHash, String inspectorsHash, String seed, List<Pair> pairs) {
    }

    /** @throws IllegalArgumentException with a Chinese message when the draw cannot be made as asked */
    public static Result draw(DrawInput input) {
        List<DrawObject> objects = input.objects().stream().sorted(Comparator.comparing(DrawObject::id)).toList();
        List<Inspector> inspectors = input.inspectors().stream().sorted(Comparator.comparing(Inspector::id)).toList();
        requireUnique(objects.stream().map(DrawObject::id).toList(), "检查对象");
        requireUnique(inspectors.stream().map(Inspector::id).toList(), "检查人员");
        if (input.count() < 1 || input.count() > objects.size()) {
            throw new IllegalArgumentException("抽取数量应在 1 到 " + objects.size() + " 之间");
        }
        if (input.seed().isBlank()) {
            throw new IllegalArgumentException("随机种子不能为空");
        }
        Set<String> conflicts = input.conflicts().stream().map(c -> c.inspector() + "\u0000" + c.object())
                .collect(Collectors.toSet());
        Stream random = new Stream(input.seed());

        List<DrawObject> deck = new ArrayList<>(objects);
        List<DrawObject> drawn = new ArrayList<>();
        for (int i = deck.size() - 1; drawn.size() < input.count(); i--) {
            int j = random.below(i + 1);
            DrawObject picked = deck.get(j);
            deck.set(j, deck.get(i));
            deck.set(i, picked);
            drawn.add(picked);
        }

        List<Pair> pairs = new ArrayList<>();
        for (DrawObject o : drawn) {
            List<Inspector> eligible = inspectors.stream().filter(i -> !input.conflicted(i, o, conflicts)).toList();
            if (eligible.isEmpty()) {
                throw new IllegalArgumentException("检查对象 " + o.name() + " 没有可回避冲突之外的检查人员");
            }
            Inspector first = eligible.get(random.below(eligible.size()));
            List<Inspector> others = eligible.stream().filter(i -> !i.unit().equals(first.unit())).toList();
            if (others.isEmpty()) {
                throw new IllegalArgumentException("检查对象 " + o.name() + " 找不到与 " + first.name() + " 不同单位的第二名检查人员");
            }
            pairs.add(new Pair(o, first, others.get(random.below(others.size()))));
        }
        return new Result(hashObjects(objects), hashInspectors(inspectors), input.seed(), List.copyOf(pairs));
    }

    /** SHA-256 (hex) of the objects in canonical form. */
    public static String hashObjects(List<DrawObject> objects) {
        return sha256(objects.stream().sorted(Comparator.comparing(DrawObject::id))
                .map(o -> o.id() + "\t" + o.name() + "\n").collect(Collectors.joining()));
    }

    /** SHA-256 (hex) of the inspectors in canonical form. */
    public static String hashInspectors(List<Inspector> inspectors) {
        return sha256(inspectors.stream().sorted(Comparator.comparing(Inspector::id))
                .map(i -> i.id() + "\t" + i.name() + "\t" + i.unit() + "\n").collect(Collectors.joining()));
    }

    private static void requireUnique(List<String> ids, String what) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException(what + "编号 " + id + " 重复");
            }
        }
    }

    private static String sha256(String text) {
        return HexFormat.of().formatHex(digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The documented random stream: SHA-256(seed:k), first 8 bytes, rejection for an unbiased bound. */
    private static final class Stream {
        private final String seed;
        private long k;

        Stream(String seed) {
            this.seed = seed;
        }

        int below(int bound) {
            BigInteger b = BigInteger.valueOf(bound);
            BigInteger limit = TWO_64.subtract(TWO_64.mod(b));
            while (true) {
                byte[] h = digest((seed + ":" + k++).getBytes(StandardCharsets.UTF_8));
                BigInteger r = new BigInteger(1, java.util.Arrays.copyOf(h, 8));
                if (r.compareTo(limit) < 0) {
                    return r.mod(b).intValue();
                }
            }
        }
    }
}
