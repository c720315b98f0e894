package cn.kaoping.organisation.internal;

public record ManagerView(long id, long companyId, String name, String phone, String certificateNo) {
}
