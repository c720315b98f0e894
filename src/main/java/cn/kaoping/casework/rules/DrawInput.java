package cn.kaoping.casework.rules;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a 双随机 draw is computed from, all of it published: the objects (检查对象名录库), the inspectors (执法检查人员名录库)
 * with their units, declared conflicts, how many objects to draw, and the seed recorded before the lists were frozen.
 */
public record DrawInput(List<DrawObject> objects, List<Inspector> inspectors, List<Conflict> conflicts, int count,
                        String seed) {

    public DrawInput {
        objects = List.copyOf(objects);
        inspectors = List.copyOf(inspectors);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
        Objects.requireNonNull(seed, "seed");
    }

    /** A company or estate that may be inspected. */
    public record DrawObject(String id, String name) {
        public DrawObject {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
        }
    }

    /** An inspector and the unit (department) he belongs to; the two inspectors of an object come from two units. */
    public record Inspector(String id, String name, String unit) {
        public Inspector {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(unit, "unit");
        }
    }

    /** An inspector tied to an object (回避): never drawn for it. */
    public record Conflict(String inspector, String object) {
    }

    boolean conflicted(Inspector i, DrawObject o, Set<String> declared) {
        return declared.contains(i.id() + "\u0000" + o.id());
    }
}
