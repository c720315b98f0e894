package cn.kaoping.ranking.export;

import cn.kaoping.platform.web.Downloads;
import cn.kaoping.shared.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** Downloads of published rankings in the seeds' layouts (login; district users get their district's sheets). */
@Controller
@RequestMapping("/rankings")
class RankingExportController {

    private final ShenyangSheets shenyang;

    RankingExportController(ShenyangSheets shenyang) {
        this.shenyang = shenyang;
    }

    /** Half-year and year-end ranking sheets per district and category (seed 000). */
    @GetMapping("/{id}/export/shenyang.xlsx")
    ResponseEntity<byte[]> shenyang(@PathVariable long id) {
        ShenyangSheets.Workbook workbook = shenyang.xlsx(CurrentUser.get(), id);
        return Downloads.xlsx(workbook.filename(), workbook.content());
    }
}
