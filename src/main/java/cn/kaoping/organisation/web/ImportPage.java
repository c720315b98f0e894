package cn.kaoping.organisation.web;

import cn.kaoping.platform.excel.ImportReport;
import org.springframework.ui.Model;

/** The one import screen: template download, upload, and the row-by-row report. */
final class ImportPage {

    private ImportPage() {
    }

    static String show(Model model, String titleKey, String action, String template, String back, ImportReport report) {
        model.addAttribute("titleKey", titleKey);
        model.addAttribute("action", action);
        model.addAttribute("template", template);
        model.addAttribute("back", back);
        model.addAttribute("report", report);
        return "import";
    }
}
