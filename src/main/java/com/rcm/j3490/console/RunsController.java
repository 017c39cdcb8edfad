package com.rcm.j3490.console;

import com.rcm.j3490.ops.RepositoryLock;
import com.rcm.j3490.ops.RunHistory;
import com.rcm.j3490.ops.RunListings;
import com.rcm.j3490.ops.RunHistory.Run;
import java.time.LocalDate;
import com.rcm.j3490.job.ReconProperties;
import com.rcm.j3490.job.RunTracker;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
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

    /** Seconds between reloads of a page while a run goes on. */
    static final String REFRESH_SECONDS = "5";

    private final RunHistory history;
    private final AuditLog audit;
    private final RunOperations operations;
    private final RunTracker tracker;
    private final ObjectProvider<ConsoleSchedule> schedule;
    private final ReconProperties properties;
    private final RepositoryLock lock;

    RunsController(RunHistory history, AuditLog audit, RunOperations operations, RunTracker tracker,
            ObjectProvider<ConsoleSchedule> schedule, ReconProperties properties, RepositoryLock lock) {
        this.properties = properties;
        this.lock = lock;
        this.history = history;
        this.audit = audit;
        this.operations = operations;
        this.tracker = tracker;
        this.schedule = schedule;
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
        List<RunViews.RunRow> table = history.recent(rows).stream().map(r -> RunViews.row(r, outputDir())).toList();
        model.addAttribute("runs", table);
        model.addAttribute("limit", rows);
        model.addAttribute("today", LocalDate.now());
        ConsoleSchedule s = schedule.getIfAvailable();
        model.addAttribute("schedule", s == null ? null : s.describe());
        if (operations.running().isPresent() || table.stream().anyMatch(r -> r.running() && inThisConsole(r))) {
            model.addAttribute("refresh", REFRESH_SECONDS);
        }
        return "console/runs";
    }

    private Path outputDir() {
        return properties.output().dir();
    }

    private boolean inThisConsole(RunViews.RunRow row) {
        return history.latest(row.runDate()).map(r -> tracker.running().contains(r.last().getId())).orElse(false);
    }

    @GetMapping("/runs/{runDate}")
    String run(@PathVariable LocalDate runDate, Model model) {
        List<Run> runs = history.ofDate(runDate);
        Run latest = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        boolean runningHere = latest != null && tracker.running().contains(latest.last().getId());
        boolean exclusive = lock.exclusive();
        model.addAttribute("runDate", runDate);
        model.addAttribute("runs", runs.stream().map(r -> RunViews.detail(r, outputDir(),
                r == latest && runningHere ? RUNNING_HERE : RunListings.next(r, exclusive).words())).toList());
        Optional<String> busy = operations.running();
        // a run this console is running has no action (recover is for runs whose process died)
        model.addAttribute("actions", runningHere || busy.isPresent() ? List.of()
                : latest == null ? List.of(RunAction.LAUNCH) : RunViews.actions(RunListings.next(latest, exclusive)));
        model.addAttribute("next", latest == null ? "no run yet: launch it (at the terminal: runDate=" + runDate + ")"
                : null);
        model.addAttribute("busy", busy.map(b -> "This console is running the " + b + "; this page reloads every "
                + REFRESH_SECONDS + " s until it ends.").orElse(null));
        if (runningHere || busy.isPresent()) {
            model.addAttribute("refresh", REFRESH_SECONDS);
        }
        model.addAttribute("audit", audit.forDate(runDate, AUDIT_ROWS));
        return "console/run";
    }

    /** The Next words of a run this console itself is running (the show command would say its process died). */
    static final String RUNNING_HERE = "running in this console: this page shows its progress and reloads until it ends";
}
