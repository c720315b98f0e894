package cn.kaoping.organisation.internal;

/** A company with the number of estates it manages (within the viewer's scope). */
public record CompanyView(long id, String name, String creditCode, String contactPerson, String contactPhone,
                          String address, int version, long estates) {

    public CompanyForm toForm() {
        return new CompanyForm(name, creditCode, contactPerson, contactPhone, address, version);
    }
}
