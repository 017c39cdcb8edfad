package com.rcm.j3490.console;

import com.rcm.j3490.backlog.AgeBucket;
import com.rcm.j3490.backlog.BacklogFigures;
import com.rcm.j3490.backlog.MoneyKind;
import com.rcm.j3490.backlog.Resolution;
import com.rcm.j3490.input.InputFileException;
import com.rcm.j3490.input.InputKind;
import com.rcm.j3490.job.RunInputs;
import com.rcm.j3490.job.UserError;
import com.rcm.j3490.ops.BacklogReport;
import com.rcm.j3490.reconcile.ReconRepository;
import com.rcm.j3490.rules.Status;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Tonight's inputs (the job's own listing: RunInputs, with the inventory's checksum skip) and the
 * open backlog's figures (the backlog command's own: BacklogReport, the same items and figures as
 * the latest workbook's Summary).
 */
@Controller
@Profile(ConsoleCommand.PROFILE)
class OverviewController {
    private final RunInputs inputs;
    private final ReconRepository recon;
    private final BacklogReport backlog;

    OverviewController(RunInputs inputs, ReconRepository recon, BacklogReport backlog) {
        this.inputs = inputs;
        this.recon = recon;
        this.backlog = backlog;
    }

    /** One input file as found now; {@code reconciled} says whether a completed run already reconciled its content. */
    record InputRow(String kind, String path, String size, String modified, String reconciled) {
    }

    @GetMapping("/inputs")
    String inputs(Model model) {
        List<InputRow> rows = new ArrayList<>();
        String problem = null;
        try {
            for (RunInputs.Found f : inputs.current()) {
                BasicFileAttributes a = Files.readAttributes(f.path(), BasicFileAttributes.class);
                String reconciled = f.kind() != InputKind.REMITTANCE ? ""
                        : recon.reconciledElsewhere(f.checksum(), -1).orElse("not yet: tonight's run reads it");
                rows.add(new InputRow(f.kind().label(), f.path().toString(), RunViews.n(a.size()) + " bytes",
                        RunViews.time(LocalDateTime.ofInstant(a.lastModifiedTime().toInstant(), ZoneId.systemDefault())),
                        reconciled));
            }
        } catch (InputFileException e) {
            problem = e.getMessage() + ". Tonight's run would be refused for this; fix the file or the setting.";
        } catch (IOException e) {
            problem = "An input file could not be read: " + e.getMessage();
        }
        model.addAttribute("inputs", rows);
        model.addAttribute("problem", problem);
        return "console/inputs";
    }

    /** A line of a figures table: a count and the amount of each kind of money (never added together). */
    record FigureRow(String label, String count, List<String> amounts) {
    }

    /** Resolved items of a date or of the window, and what the payers' payments recovered. */
    record ResolvedRow(String label, String count, String recovered) {
    }

    /** The backlog command's figures (BacklogReport: the items the latest workbook shows), as tables. */
    @GetMapping("/backlog")
    String backlog(@RequestParam(required = false) LocalDate asOf, Model model) {
        Optional<BacklogFigures> applied;
        try {
            applied = backlog.figures(asOf); // asOf: the command's asOf=, a later date ages the same items
        } catch (UserError refused) {
            model.addAttribute("message", refused.getMessage());
            model.addAttribute("outcome", "REFUSED");
            applied = backlog.figures(null);
        }
        BacklogFigures figures = applied.orElseGet(() -> BacklogFigures.builder(LocalDate.now()).build());
        List<FigureRow> worklists = new ArrayList<>();
        for (Status s : Status.values()) {
            BacklogFigures.Tally t = figures.byWorklist().get(s);
            if (t != null) {
                worklists.add(row(s.label(), t));
            }
        }
        List<FigureRow> ages = new ArrayList<>();
        for (AgeBucket a : AgeBucket.values()) {
            ages.add(row(a.label() + " days", figures.byAge().get(a)));
        }
        List<ResolvedRow> resolved = new ArrayList<>();
        resolved.add(resolved("On " + figures.runDate(), figures.resolvedTonight()));
        for (Resolution r : Resolution.values()) {
            BacklogFigures.Recovery recovery = figures.resolvedInWindowBy().get(r);
            if (recovery != null) {
                resolved.add(resolved(r.label() + ", last " + backlog.resolvedDays() + " days", recovery));
            }
        }
        resolved.add(resolved("Last " + backlog.resolvedDays() + " days", figures.resolvedInWindow()));
        model.addAttribute("asOf", figures.runDate());
        model.addAttribute("applied", applied.isPresent());
        model.addAttribute("latest", backlog.latestRun().orElse(null));
        model.addAttribute("kinds", List.of(MoneyKind.values()).stream().map(MoneyKind::label).toList());
        model.addAttribute("open", row("All open items", figures.open()));
        model.addAttribute("newTonight", RunViews.n(figures.newTonight().count()));
        model.addAttribute("worklists", worklists);
        model.addAttribute("ages", ages);
        model.addAttribute("resolved", resolved);
        return "console/backlog";
    }

    private static ResolvedRow resolved(String label, BacklogFigures.Recovery r) {
        return new ResolvedRow(label, RunViews.n(r.count()), dollars(r.recovered()));
    }

    private static FigureRow row(String label, BacklogFigures.Tally t) {
        List<String> amounts = new ArrayList<>();
        for (MoneyKind k : MoneyKind.values()) {
            amounts.add(dollars(t.amount(k)));
        }
        return new FigureRow(label, RunViews.n(t.count()), amounts);
    }

    static String dollars(BigDecimal amount) {
        return String.format(Locale.ROOT, "$%,.2f", amount);
    }
}
