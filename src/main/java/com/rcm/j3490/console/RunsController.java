package com.rcm.j3490.console;

import com.rcm.j3490.ops.RunHistory;
import com.rcm.j3490.ops.RunHistory.Run;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The runs page (the runs command) and a date's page (the show command), read from RunHistory. */
@Controller
@Profile(ConsoleCommand.PROFILE)
class RunsController {
    static final int MAX_LIMIT = 500;
    static final int AUDIT_ROWS = 50;

    private final RunHistory history;
    private final AuditLog audit;

    RunsController(RunHistory history, AuditLog audit) {
        this.history = history;
        this.audit = audit;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/runs";
    }

    @GetMapping("/login")
    String login() {
        return "console/login";
    }

    @GetMapping("/runs")
    String runs(@RequestParam(defaultValue = "20") int limit, Model model) {
        int rows = Math.max(1, Math.min(limit, MAX_LIMIT));
        model.addAttribute("runs", history.recent(rows).stream().map(RunViews::row).toList());
        model.addAttribute("limit", rows);
        model.addAttribute("today", LocalDate.now());
        return "console/runs";
    }

    @GetMapping("/runs/{runDate}")
    String run(@PathVariable LocalDate runDate, Model model) {
        List<Run> runs = history.ofDate(runDate);
        model.addAttribute("runDate", runDate);
        model.addAttribute("runs", runs.stream().map(RunViews::detail).toList());
        model.addAttribute("actions", runs.isEmpty() ? List.of(RunAction.LAUNCH) : RunViews.actions(runs.get(runs.size() - 1)));
        model.addAttribute("audit", audit.forDate(runDate, AUDIT_ROWS));
        return "console/run";
    }
}
