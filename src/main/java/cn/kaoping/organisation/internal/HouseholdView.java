package cn.kaoping.organisation.internal;

import java.math.BigDecimal;

public record HouseholdView(long id, long estateId, String building, String unit, String room, BigDecimal floorArea) {
}
