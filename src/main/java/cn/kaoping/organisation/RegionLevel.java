package cn.kaoping.organisation;

/** Levels of the one region tree: 市 → 区 → 街道办事处 → 社区居委会. */
public enum RegionLevel {
    CITY, DISTRICT, STREET, COMMUNITY;

    public RegionLevel child() {
        return switch (this) {
            case CITY -> DISTRICT;
            case DISTRICT -> STREET;
            case STREET -> COMMUNITY;
            case COMMUNITY -> throw new IllegalStateException("a community has no child regions");
        };
    }
}
