package cn.kaoping.casework.web;

import cn.kaoping.casework.complaints.OwnerComplaint;
import cn.kaoping.organisation.EstateRef;
import cn.kaoping.platform.web.OwnerPageViews;
import cn.kaoping.platform.web.OwnerPages;
import cn.kaoping.shared.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The owner's complaint page {@code /s/c/{estateId}} (public, stateless, the owners' pages' security chain; linked
 * from the estate's public page): category, what is wrong, optional name and phone, up to three photos.
 */
@Controller
@OwnerPages
class OwnerComplaintController {

    private final OwnerComplaint owners;
    private final OwnerPageViews views;

    OwnerComplaintController(OwnerComplaint owners, OwnerPageViews views) {
        this.owners = owners;
        this.views = views;
    }

    @GetMapping("/s/c/{estateId:\\d{1,18}}")
    View page(@PathVariable long estateId, Model model, HttpServletRequest req, HttpServletResponse res) {
        return show(owners.estate(estateId), Map.of(), null, null, model, req, res);
    }

    @PostMapping("/s/c/{estateId:\\d{1,18}}")
    View submit(@PathVariable long estateId, @RequestParam Map<String, String> params,
                @RequestParam(name = "photos", required = false) List<MultipartFile> photos, Model model,
                HttpServletRequest req, HttpServletResponse res) {
        Optional<EstateRef> estate = owners.estate(estateId);
        if (estate.isEmpty()) {
            return show(estate, params, null, null, model, req, res);
        }
        List<OwnerComplaint.Upload> uploads = new ArrayList<>();
        for (MultipartFile f : photos == null ? List.<MultipartFile>of() : photos) {
            try {
                uploads.add(new OwnerComplaint.Upload(f.getBytes(), f.getOriginalFilename()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            OwnerComplaint.Outcome outcome = owners.file(estate.get(), params.get("category"), params.get("content"),
                    params.get("name"), params.get("phone"), uploads, req.getRemoteAddr());
            if (outcome.status() == OwnerComplaint.Status.LIMITED) {
                res.setStatus(429);
            }
            return show(estate, params, outcome, null, model, req, res);
        } catch (ValidationException e) {
            res.setStatus(422);
            return show(estate, params, null, e.problems().stream().map(ValidationException.FieldProblem::message)
                    .toList(), model, req, res);
        }
    }

    private View show(Optional<EstateRef> estate, Map<String, String> values, OwnerComplaint.Outcome outcome,
                      List<String> problems, Model model, HttpServletRequest req, HttpServletResponse res) {
        res.setHeader("Cache-Control", "no-store");
        model.addAttribute("stylesheet", req.getContextPath() + "/css/owner.css");
        model.addAttribute("values", values);
        model.addAttribute("outcome", outcome);
        model.addAttribute("problems", problems);
        model.addAttribute("categories", owners.categories());
        if (estate.isEmpty() || estate.get().companyId() == null) {
            res.setStatus(404);
            model.addAttribute("estate", null);
        } else {
            model.addAttribute("estate", estate.get());
            model.addAttribute("action", req.getContextPath() + "/s/c/" + estate.get().id());
        }
        return views.view("owner/complaint", RequestContextUtils.getLocale(req));
    }
}
