package cn.kaoping.survey.internal;

/** How a response reached us: an owner on the web (QR code of a slip or poster, or the estate link shared in a
 * WeChat group), or a paper form keyed in by staff (意见箱, door-to-door visit, 征求意见会). */
public enum Channel {
    QR, LINK, BOX, VISIT, MEETING;

    public boolean keyed() {
        return this == BOX || this == VISIT || this == MEETING;
    }

    public static java.util.List<Channel> paper() {
        return java.util.List.of(BOX, VISIT, MEETING);
    }
}
