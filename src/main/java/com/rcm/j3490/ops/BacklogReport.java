package com.rcm.j3490.ops;

import com.rcm.j3490.backlog.AgeBucket;
import com.rcm.j3490.backlog.BacklogFigures;
import com.rcm.j3490.backlog.BacklogFigures.Tally;
import com.rcm.j3490.backlog.BacklogStore;
import com.rcm.j3490.backlog.MoneyKind;
import com.rcm.j3490.backlog.Resolution;
import com.rcm.j3490.backlog.WorkbookItems;
import com.rcm.j3490.job.ExitCode;
import com.rcm.j3490.job.RunFormat;
import com.rcm.j3490.job.UserError;
import com.rcm.j3490.rules.Status;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code backlog} command: the open work items by worklist and by age, and what was resolved,
 * for a manager at a terminal. The figures are {@link BacklogFigures} of the items a workbook of
 * that date shows ({@link WorkbookItems}: the same class and the same items as the workbook's Summary),
 * so the two agree.
 * Money of different kinds is printed in separate columns, never added up.
 */
public final class BacklogReport {
    private static final List<MoneyKind> KINDS = List.of(MoneyKind.values());
    /** The contract's default Resolved window (recon.workbook.resolved-days). */
    public static final int DEFAULT_RESOLVED_DAYS = 30;

    private final BacklogStore store;
    private final TransactionTemplate readOnly;
    private final int resolvedDays;
    private final PrintStream out;

    /**
     * @param readOnly a read-only transaction around the reads (PostgreSQL streams rows only inside one)
     * @param resolvedDays the Resolved sheet's window (recon.workbook.resolved-days)
     */
    public BacklogReport(BacklogStore store, TransactionTemplate readOnly, int resolvedDays, PrintStream out) {
        this.store = store;
        this.readOnly = readOnly;
        this.resolvedDays = resolvedDays;
        this.out = out;
    }

    /**
     * Prints the backlog as of a date: by default the latest run whose items were applied (the
     * figures of that morning's Summary); a later date ages the same items to that day. An earlier
     * date is refused: the database holds the items as the latest run left them.
     */
    public ExitCode print(LocalDate asOf) {
        Optional<BacklogFigures> figures = figures(asOf);
        if (figures.isEmpty()) {
            out.println("No work items yet: no run has completed its applyBacklog step in this database.");
            return ExitCode.COMPLETED;
        }
        print(figures.get(), store.latestAppliedDate().orElseThrow());
        return ExitCode.COMPLETED;
    }

    /**
     * The figures the command prints (the console shows the same): those of the items a workbook
     * of that date shows ({@link WorkbookItems}), so they equal that workbook's Summary; empty when
     * no night has been applied yet. Same dates and refusal as {@link #print(LocalDate)}.
     */
    public Optional<BacklogFigures> figures(LocalDate asOf) {
        Optional<LocalDate> latest = store.latestAppliedDate();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        LocalDate date = asOf == null ? latest.get() : asOf;
        if (date.isBefore(latest.get())) {
            throw new UserError(ExitCode.REFUSED, "asOf=" + date + " is before the latest run (" + latest.get()
                    + "): the database holds the items as that run left them; give asOf=" + latest.get()
                    + " or later, or nothing");
        }
        return Optional.of(readOnly.execute(tx -> WorkbookItems.figures(store, date, resolvedDays)));
    }

    /** The latest run date whose items were applied (the default date of the figures), if any. */
    public Optional<LocalDate> latestRun() {
        return store.latestAppliedDate();
    }

    /** The Resolved window in days (recon.workbook.resolved-days). */
    public int resolvedDays() {
        return resolvedDays;
    }

    void print(BacklogFigures f, LocalDate latestRun) {
        out.println("Backlog as of " + f.runDate() + (f.runDate().equals(latestRun) ? ""
                : " (items as the run of " + latestRun + " left them)") + ": " + RunFormat.n(f.open().count())
                + " open item(s), " + RunFormat.n(f.newTonight().count()) + " new on " + f.runDate());
        out.println();
        TextTable worklists = table("WORKLIST");
        for (Map.Entry<Status, Tally> e : f.byWorklist().entrySet()) {
            row(worklists, e.getKey().label(), e.getValue());
        }
        row(worklists, "Total open", f.open());
        worklists.lines("").forEach(out::println);
        out.println();
        TextTable ages = table("DAYS OPEN");
        for (AgeBucket bucket : AgeBucket.values()) {
            row(ages, bucket.label(), f.byAge().get(bucket));
        }
        ages.lines("").forEach(out::println);
        out.println();
        TextTable resolved = new TextTable("RESOLVED", ">ITEMS", ">RECOVERED");
        resolved.row("On " + f.runDate(), RunFormat.n(f.resolvedTonight().count()),
                money(f.resolvedTonight().recovered()));
        for (Resolution r : Resolution.values()) {
            var recovery = f.resolvedInWindowBy().get(r);
            if (recovery != null) {
                resolved.row("  " + r.label() + ", last " + resolvedDays + " days", RunFormat.n(recovery.count()),
                        money(recovery.recovered()));
            }
        }
        resolved.row("Last " + resolvedDays + " days", RunFormat.n(f.resolvedInWindow().count()),
                money(f.resolvedInWindow().recovered()));
        resolved.lines("").forEach(out::println);
        out.println();
        out.println("Amounts at stake per kind of money, never added together: Recoverable (denied, underpaid, "
                + "no expected), Refund owed (overpaid), Patient balance, Reversed.");
    }

    private static TextTable table(String first) {
        List<String> headers = new ArrayList<>();
        headers.add(first);
        headers.add(">ITEMS");
        KINDS.forEach(k -> headers.add(">" + k.label().toUpperCase(Locale.ROOT)));
        return new TextTable(headers.toArray(String[]::new));
    }

    private static void row(TextTable table, String name, Tally tally) {
        List<Object> cells = new ArrayList<>();
        cells.add(name);
        cells.add(RunFormat.n(tally.count()));
        KINDS.forEach(k -> cells.add(money(tally.amount(k))));
        table.row(cells.toArray());
    }

    static String money(BigDecimal amount) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US)).format(amount);
    }
}
