package cn.kaoping.organisation.internal;

import cn.kaoping.platform.excel.ExcelColumns;
import cn.kaoping.platform.excel.ExcelColumns.Column;
import cn.kaoping.platform.excel.Spreadsheets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Lists as .xlsx, with the same columns the screens show. Areas stay exact decimals in the cells. */
public final class RegistryExports {

    static final ExcelColumns ESTATES = columns("小区名录", "小区名称", "地址", "区", "街道办事处", "社区", "类别",
            "老旧小区", "管理模式", "总建筑面积(㎡)", "户数", "已登记住户", "物业服务企业", "项目负责人", "合同起始日期",
            "合同已备案", "业委会");
    static final ExcelColumns COMPANIES = columns("物业服务企业", "企业名称", "统一社会信用代码", "联系人", "联系电话",
            "地址", "服务小区数");
    static final ExcelColumns HOUSEHOLDS = columns("住户", "楼栋", "单元", "房号", "专有部分面积(㎡)");

    private RegistryExports() {
    }

    private static ExcelColumns columns(String sheet, String... headers) {
        return new ExcelColumns(sheet, Arrays.stream(headers).map(h -> new Column(h, "")).toList());
    }

    public static byte[] estates(List<EstateView> rows) {
        List<List<Object>> data = new ArrayList<>();
        for (EstateView e : rows) {
            data.add(Arrays.asList(e.name(), e.address(), e.districtName(), e.streetName(), e.communityName(),
                    Labels.of(e.category()), Labels.yesNo(e.oldEstate()), Labels.of(e.managementMode()),
                    e.floorArea(), e.householdCount(), e.registeredHouseholds(), nz(e.companyName()),
                    nz(e.projectManagerName()), e.contractStart() == null ? "" : e.contractStart().toString(),
                    Labels.yesNo(e.contractFiled()), Labels.yesNo(e.hasCommittee())));
        }
        return Spreadsheets.write(ESTATES, data);
    }

    public static byte[] companies(List<CompanyView> rows) {
        List<List<Object>> data = new ArrayList<>();
        for (CompanyView c : rows) {
            data.add(Arrays.asList(c.name(), c.creditCode(), nz(c.contactPerson()), nz(c.contactPhone()),
                    nz(c.address()), c.estates()));
        }
        return Spreadsheets.write(COMPANIES, data);
    }

    public static byte[] households(List<HouseholdView> rows) {
        List<List<Object>> data = new ArrayList<>();
        for (HouseholdView h : rows) {
            data.add(Arrays.asList(h.building(), h.unit(), h.room(), h.floorArea()));
        }
        return Spreadsheets.write(HOUSEHOLDS, data);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
