package cn.kaoping.organisation;

/** 业主委员会 or 物业管理委员会 (the interim committee a street sets up where owners have none). */
public enum CommitteeKind {
    OWNERS, INTERIM
}
