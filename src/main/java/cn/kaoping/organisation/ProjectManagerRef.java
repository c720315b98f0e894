package cn.kaoping.organisation;

import java.util.List;

/** A company's project manager 项目负责人 and the estates the registry assigns to them. */
public record ProjectManagerRef(long id, long companyId, String name, String certificateNo, List<Long> estateIds) {
    public ProjectManagerRef {
        estateIds = List.copyOf(estateIds);
    }
}
