package cn.kaoping.scheme.web;

import cn.kaoping.scheme.engine.SchemeFormatException;
import cn.kaoping.scheme.internal.SchemeVersion;
import cn.kaoping.scheme.internal.SchemeVersions;
import cn.kaoping.scheme.internal.SchemeView;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.KaopingPrincipal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import cn.kaoping.platform.web.Downloads;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The scheme screens: the list, a version shown as its seed table with its versions, YAML download and upload
 * with the validation report, clone to a new draft, publish.
 */
@Controller
@RequestMapping("/schemes")
class SchemeController {

    private final SchemeVersions versions;

    SchemeController(SchemeVersions versions) {
        this.versions = versions;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("schemes", versions.list());
        model.addAttribute("canEdit", SchemeVersions.maintains(CurrentUser.get().role()));
        return "schemes/list";
    }

    @GetMapping("/{code}")
    String latest(@PathVariable String code, Model model) {
        return show(versions.latestPublished(code), List.of(), model);
    }

    @GetMapping("/{code}/versions/{version}")
    String version(@PathVariable String code, @PathVariable int version, Model model) {
        return show(versions.get(code, version), List.of(), model);
    }

    private String show(SchemeVersion v, List<?> problems, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        List<SchemeVersion> all = versions.versions(v.code());
        model.addAttribute("scheme", SchemeView.of(v, versions.scheme(v)));
        model.addAttribute("versions", all);
        model.addAttribute("draft", all.stream().filter(SchemeVersion::draft).findFirst().orElse(null));
        model.addAttribute("canEdit", SchemeVersions.maintains(p.role()));
        model.addAttribute("problems", problems);
        return "schemes/detail";
    }

    @GetMapping("/{code}/versions/{version}/yaml")
    ResponseEntity<byte[]> yaml(@PathVariable String code, @PathVariable int version) {
        SchemeVersion v = versions.get(code, version);
        return Downloads.attachment(v.fileName(), new MediaType("application", "yaml", StandardCharsets.UTF_8))
                .body(v.yaml().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/{code}/drafts")
    String cloneDraft(@PathVariable String code, @RequestParam(required = false) Integer from,
                      RedirectAttributes redirect) {
        try {
            SchemeVersion draft = versions.cloneDraft(CurrentUser.get(), code, from);
            redirect.addFlashAttribute("draftCreated", true);
            return "redirect:/schemes/" + code + "/versions/" + draft.version();
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/schemes/" + code;
        }
    }

    @PostMapping("/{code}/versions/{version}/yaml")
    String upload(@PathVariable String code, @PathVariable int version, @RequestParam("file") MultipartFile file,
                  Model model, RedirectAttributes redirect) throws IOException {
        try {
            versions.replaceYaml(CurrentUser.get(), code, version, file.getOriginalFilename(),
                    new String(file.getBytes(), StandardCharsets.UTF_8));
            redirect.addFlashAttribute("uploaded", true);
            return "redirect:/schemes/" + code + "/versions/" + version;
        } catch (SchemeFormatException e) {
            model.addAttribute("uploadFile", file.getOriginalFilename());
            return show(versions.get(code, version), e.problems(), model);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/schemes/" + code + "/versions/" + version;
        }
    }

    @PostMapping("/{code}/versions/{version}/publish")
    String publish(@PathVariable String code, @PathVariable int version, RedirectAttributes redirect) {
        try {
            versions.publish(CurrentUser.get(), code, version);
            redirect.addFlashAttribute("published", true);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/schemes/" + code + "/versions/" + version;
    }
}
