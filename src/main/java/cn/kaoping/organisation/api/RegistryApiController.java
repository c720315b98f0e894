package cn.kaoping.organisation.api;

import cn.kaoping.organisation.EstateCategory;
import cn.kaoping.organisation.RegionLevel;
import cn.kaoping.organisation.internal.CommitteeForm;
import cn.kaoping.organisation.internal.CommitteeView;
import cn.kaoping.organisation.internal.CompanyForm;
import cn.kaoping.organisation.internal.CompanyService;
import cn.kaoping.organisation.internal.CompanyView;
import cn.kaoping.organisation.internal.EstateFilter;
import cn.kaoping.organisation.internal.EstateForm;
import cn.kaoping.organisation.internal.EstateService;
import cn.kaoping.organisation.internal.EstateView;
import cn.kaoping.organisation.internal.HouseholdForm;
import cn.kaoping.organisation.internal.HouseholdService;
import cn.kaoping.organisation.internal.HouseholdView;
import cn.kaoping.organisation.internal.ManagerForm;
import cn.kaoping.organisation.internal.ManagerView;
import cn.kaoping.organisation.internal.RegionForm;
import cn.kaoping.organisation.internal.RegionService;
import cn.kaoping.organisation.internal.RegionView;
import cn.kaoping.organisation.internal.RegistryImports;
import cn.kaoping.platform.excel.ImportReport;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The registry through {@code /api/v1}, with the same services, checks and scope as the screens. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "registry", description = "区域、物业服务企业、小区、业委会、住户")
@SecurityRequirement(name = "bearer")
class RegistryApiController {

    private final RegionService regions;
    private final EstateService estates;
    private final CompanyService companies;
    private final HouseholdService households;
    private final RegistryImports imports;

    RegistryApiController(RegionService regions, EstateService estates, CompanyService companies,
                          HouseholdService households, RegistryImports imports) {
        this.regions = regions;
        this.estates = estates;
        this.companies = companies;
        this.households = households;
        this.imports = imports;
    }

    @Operation(summary = "区域树（本人管辖范围）")
    @GetMapping("/regions")
    List<RegionView> regions(@RequestParam(required = false) RegionLevel level) {
        return level == null ? regions.tree(CurrentUser.get()) : regions.ofLevel(CurrentUser.get(), level);
    }

    @Operation(summary = "新增下级区域（街道或社区）")
    @PostMapping("/regions")
    @ResponseStatus(HttpStatus.CREATED)
    RegionView createRegion(@Valid @RequestBody RegionForm form) {
        return regions.create(CurrentUser.get(), form);
    }

    @Operation(summary = "小区列表：搜索、筛选、分页")
    @GetMapping("/estates")
    Paged<EstateView> estates(@RequestParam(required = false) String q, @RequestParam(required = false) Long districtId,
                              @RequestParam(required = false) Long streetId,
                              @RequestParam(required = false) Long communityId,
                              @RequestParam(required = false) EstateCategory category,
                              @RequestParam(required = false) Long companyId,
                              @RequestParam(required = false) Boolean oldEstate,
                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        int[] ps = Paged.clamp(page, size);
        return estates.search(CurrentUser.get(),
                new EstateFilter(q, districtId, streetId, communityId, category, companyId, oldEstate), ps[0], ps[1]);
    }

    @GetMapping("/estates/{id}")
    EstateView estate(@PathVariable long id) {
        return estates.get(CurrentUser.get(), id);
    }

    @PostMapping("/estates")
    @ResponseStatus(HttpStatus.CREATED)
    EstateView createEstate(@Valid @RequestBody EstateForm form) {
        return estates.create(CurrentUser.get(), form);
    }

    @Operation(summary = "修改小区（version 用于并发控制，可省略）")
    @PutMapping("/estates/{id}")
    EstateView updateEstate(@PathVariable long id, @Valid @RequestBody EstateForm form) {
        return estates.update(CurrentUser.get(), id, form);
    }

    @DeleteMapping("/estates/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteEstate(@PathVariable long id) {
        estates.delete(CurrentUser.get(), id);
    }

    @GetMapping("/estates/{id}/committee")
    CommitteeView committee(@PathVariable long id) {
        return estates.committee(CurrentUser.get(), id)
                .orElseThrow(() -> new NotFoundException("该小区尚未登记业委会"));
    }

    @PutMapping("/estates/{id}/committee")
    CommitteeView saveCommittee(@PathVariable long id, @Valid @RequestBody CommitteeForm form) {
        return estates.saveCommittee(CurrentUser.get(), id, form);
    }

    @GetMapping("/estates/{id}/households")
    Paged<HouseholdView> households(@PathVariable long id, @RequestParam(required = false) String q,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        int[] ps = Paged.clamp(page, size);
        return households.search(CurrentUser.get(), id, q, ps[0], ps[1]);
    }

    @PostMapping("/estates/{id}/households")
    @ResponseStatus(HttpStatus.CREATED)
    HouseholdView addHousehold(@PathVariable long id, @Valid @RequestBody HouseholdForm form) {
        return households.add(CurrentUser.get(), id, form);
    }

    @Operation(summary = "导入住户（.xlsx，按模板）；有错误时全部不导入并返回逐行错误")
    @PostMapping(value = "/estates/{id}/households/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportReport> importHouseholds(@PathVariable long id, @RequestPart("file") MultipartFile file)
            throws IOException {
        return report(imports.importHouseholds(CurrentUser.get(), id, file.getInputStream()));
    }

    @Operation(summary = "导入小区（.xlsx，按模板）；有错误时全部不导入并返回逐行错误")
    @PostMapping(value = "/estates/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportReport> importEstates(@RequestPart("file") MultipartFile file) throws IOException {
        return report(imports.importEstates(CurrentUser.get(), file.getInputStream()));
    }

    @GetMapping("/companies")
    Paged<CompanyView> companies(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        int[] ps = Paged.clamp(page, size);
        return companies.search(CurrentUser.get(), q, ps[0], ps[1]);
    }

    @GetMapping("/companies/{id}")
    CompanyView company(@PathVariable long id) {
        return companies.get(CurrentUser.get(), id);
    }

    @PostMapping("/companies")
    @ResponseStatus(HttpStatus.CREATED)
    CompanyView createCompany(@Valid @RequestBody CompanyForm form) {
        return companies.create(CurrentUser.get(), form);
    }

    @PutMapping("/companies/{id}")
    CompanyView updateCompany(@PathVariable long id, @Valid @RequestBody CompanyForm form) {
        return companies.update(CurrentUser.get(), id, form);
    }

    @GetMapping("/companies/{id}/managers")
    List<ManagerView> managers(@PathVariable long id) {
        return companies.managers(CurrentUser.get(), id);
    }

    @PostMapping("/companies/{id}/managers")
    @ResponseStatus(HttpStatus.CREATED)
    ManagerView addManager(@PathVariable long id, @Valid @RequestBody ManagerForm form) {
        return companies.addManager(CurrentUser.get(), id, form);
    }

    @Operation(summary = "导入物业服务企业（.xlsx，按模板）")
    @PostMapping(value = "/companies/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportReport> importCompanies(@RequestPart("file") MultipartFile file) throws IOException {
        return report(imports.importCompanies(CurrentUser.get(), file.getInputStream()));
    }

    /** 200 with the count when imported; 422 with every problem when nothing was imported. */
    private static ResponseEntity<ImportReport> report(ImportReport report) {
        return ResponseEntity.status(report.ok() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(report);
    }
}
