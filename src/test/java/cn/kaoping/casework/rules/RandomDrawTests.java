package cn.kaoping.casework.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaoping.casework.rules.DrawInput.Conflict;
import cn.kaoping.casework.rules.DrawInput.DrawObject;
import cn.kaoping.casework.rules.DrawInput.Inspector;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The 双随机 draw is recomputable from the public record and keeps its pairing rules (seed 003 二、(一)7). */
class RandomDrawTests {

    @Test
    void theDrawIsTheOneAnIndependentImplementationOfTheDocumentedAlgorithmComputes() throws IOException {
        DrawInput input = read("/casework/draw-example.json");
        RandomDraw.Result result = RandomDraw.draw(input);
        // computed by scripts/verify-draw.py (Python, written from docs/casework.md alone) on the same record
        assertThat(result.objectsHash()).isEqualTo("629e83e04aa77e45dd9b26fe40420107ca2f0d8bb55565ff6ffc5fea92970d18");
        assertThat(result.inspectorsHash())
                .isEqualTo("23a9de6ef7da6c5289a4eb98e1d735ef78944d0d69d5a32700f9e13ef272f07c");
        assertThat(result.pairs().stream().map(p -> p.object().id() + " " + p.first().id() + " " + p.second().id()))
                .containsExactly("E030 I07 I08", "E015 I03 I09", "E010 I03 I12", "E023 I05 I03", "E029 I04 I03",
                        "E011 I11 I10", "E002 I01 I02", "E008 I11 I06");
        assertThat(RandomDraw.draw(input)).isEqualTo(result);
    }

    @Test
    void anotherSeedOrAChangedListGivesAnotherRecord() throws IOException {
        DrawInput input = read("/casework/draw-example.json");
        DrawInput reseeded = new DrawInput(input.objects(), input.inspectors(), input.conflicts(), input.count(),
                input.seed() + "x");
        assertThat(RandomDraw.draw(reseeded).pairs()).isNotEqualTo(RandomDraw.draw(input).pairs());
        List<DrawObject> renamed = new ArrayList<>(input.objects());
        renamed.set(0, new DrawObject(renamed.get(0).id(), renamed.get(0).name() + "（改）"));
        assertThat(RandomDraw.hashObjects(renamed)).isNotEqualTo(RandomDraw.hashObjects(input.objects()));
    }

    @Test
    void aDrawThatCannotBeMadeSaysWhy() {
        List<DrawObject> objects = List.of(new DrawObject("E1", "甲小区"), new DrawObject("E2", "乙小区"));
        List<Inspector> oneUnit = List.of(new Inspector("I1", "张", "房管局"), new Inspector("I2", "李", "房管局"));
        assertThatThrownBy(() -> RandomDraw.draw(new DrawInput(objects, oneUnit, List.of(), 1, "s")))
                .hasMessageContaining("不同单位");
        assertThatThrownBy(() -> RandomDraw.draw(new DrawInput(objects, oneUnit, List.of(), 3, "s")))
                .hasMessageContaining("1 到 2");
        assertThatThrownBy(() -> RandomDraw.draw(new DrawInput(List.of(objects.get(0), objects.get(0)), oneUnit,
                List.of(), 1, "s"))).hasMessageContaining("重复");
    }

    @Property(tries = 200)
    void everyPairComesFromTwoUnitsAvoidsConflictsAndNoObjectIsDrawnTwice(
            @ForAll @IntRange(min = 1, max = 30) int objectCount, @ForAll @IntRange(min = 4, max = 12) int inspectorCount,
            @ForAll @IntRange(min = 1, max = 30) int wanted, @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        List<DrawObject> objects = new ArrayList<>();
        for (int i = 0; i < objectCount; i++) {
            objects.add(new DrawObject("E" + i, "小区" + i));
        }
        List<Inspector> inspectors = new ArrayList<>();
        for (int i = 0; i < inspectorCount; i++) {
            inspectors.add(new Inspector("I" + i, "检查员" + i, "单位" + (i % 3)));
        }
        // inspector I0 is tied to every third object
        List<Conflict> conflicts = new ArrayList<>();
        for (int i = 0; i < objectCount; i += 3) {
            conflicts.add(new Conflict("I0", "E" + i));
        }
        int count = Math.min(wanted, objectCount);
        RandomDraw.Result r = RandomDraw.draw(new DrawInput(objects, inspectors, conflicts, count, "seed-" + seed));
        assertThat(r.pairs()).hasSize(count);
        assertThat(r.pairs().stream().map(p -> p.object().id()).distinct()).hasSize(count);
        assertThat(r.pairs()).allMatch(p -> !p.first().unit().equals(p.second().unit()));
        assertThat(r.pairs()).noneMatch(p -> conflicts.contains(new Conflict(p.first().id(), p.object().id()))
                || conflicts.contains(new Conflict(p.second().id(), p.object().id())));
    }

    private static DrawInput read(String resource) throws IOException {
        try (InputStream in = RandomDrawTests.class.getResourceAsStream(resource)) {
            JsonNode n = JsonMapper.builder().build().readTree(in);
            List<DrawObject> objects = new ArrayList<>();
            n.get("objects").forEach(o -> objects.add(new DrawObject(o.get("id").asString(), o.get("name").asString())));
            List<Inspector> inspectors = new ArrayList<>();
            n.get("inspectors").forEach(i -> inspectors.add(new Inspector(i.get("id").asString(),
                    i.get("name").asString(), i.get("unit").asString())));
            List<Conflict> conflicts = new ArrayList<>();
            n.get("conflicts").forEach(c -> conflicts.add(new Conflict(c.get("inspector").asString(),
                    c.get("object").asString())));
            return new DrawInput(objects, inspectors, conflicts, n.get("count").asInt(), n.get("seed").asString());
        }
    }
}
