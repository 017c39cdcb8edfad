package com.rcm.j3490.ops;

import static com.rcm.j3490.backlog.BacklogLines.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rcm.j3490.backlog.BacklogFigures;
import com.rcm.j3490.backlog.BacklogLines;
import com.rcm.j3490.backlog.BacklogStore;
import com.rcm.j3490.job.ExitCode;
import com.rcm.j3490.job.UserError;
import com.rcm.j3490.rules.Lines;
import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.rules.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.rcm.j3490.workbook.WorklistWorkbookWriter;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

/** The backlog command's output, from items applied by the store as the job applies them. */
class BacklogReportTest {
    private static final LocalDate NIGHT_1 = LocalDate.of(2026, 11, 23);
    private static final LocalDate NIGHT_2 = NIGHT_1.plusDays(1);

    private BacklogStore store;
    private JdbcDataSource dataSource;
    @TempDir Path tmp;
    private TransactionTemplate readOnly;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void database() {
        JdbcDataSource ds = new JdbcDataSource();
        dataSource = ds;
        ds.setURL("jdbc:h2:mem:backlog-report-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        new ResourceDatabasePopulator(new ClassPathResource("db/backlog-schema.sql")).execute(ds);
        store = new BacklogStore(ds);
        readOnly = new TransactionTemplate(new DataSourceTransactionManager(ds));
        readOnly.setReadOnly(true);
    }

    private BacklogReport report() {
        return new BacklogReport(store, readOnly, 30, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private void apply(LocalDate date, List<ReconciledLine> lines) {
        try (BacklogStore.Night night = store.night(date)) {
            lines.forEach(night::line);
            night.finish();
        }
    }

    private void twoNights() {
        apply(NIGHT_1, List.of(
                line("A", Status.DENIED_CO16).adjustments("CO-16:1210.00").atStake("1210.00").build(),
                line("B", Status.UNDERPAID).paid("900.00").atStake("100.00").build(),
                line("C", Status.PAID_OK).paid("1000.00").build(),
                line("D", Status.OVERPAID).paid("1100.00").atStake("100.00").build(),
                line("P", Status.PATIENT_RESP).adjustments("PR-1:250.50").atStake("250.50").build()));
        apply(NIGHT_2, List.of(
                line("A", Status.PAID_OK).paid("1210.00").check("CHK-2").build(),
                line("E", Status.UNDERPAID).paid("800.00").atStake("1234.56").build()));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theLatestRunsBacklogByWorklistAgeAndMoneyKind() {
        twoNights();
        assertThat(report().print(null)).isEqualTo(ExitCode.COMPLETED);
        assertThat(output()).isEqualTo("""
                Backlog as of 2026-11-24: 4 open item(s), 1 new on 2026-11-24

                WORKLIST      ITEMS  RECOVERABLE  REFUND OWED  PATIENT BALANCE  REVERSED
                Patient Resp      1         0.00         0.00           250.50      0.00
                Underpaid         2     1,334.56         0.00             0.00      0.00
                Overpaid          1         0.00       100.00             0.00      0.00
                Total open        4     1,334.56       100.00           250.50      0.00

                DAYS OPEN  ITEMS  RECOVERABLE  REFUND OWED  PATIENT BALANCE  REVERSED
                0-30           4     1,334.56       100.00           250.50      0.00
                31-60          0         0.00         0.00             0.00      0.00
                61-90          0         0.00         0.00             0.00      0.00
                over 90        0         0.00         0.00             0.00      0.00

                RESOLVED                       ITEMS  RECOVERED
                On 2026-11-24                      1   1,210.00
                  Paid by payer, last 30 days      1   1,210.00
                Last 30 days                       1   1,210.00

                Amounts at stake per kind of money, never added together: Recoverable (denied, underpaid, \
                no expected), Refund owed (overpaid), Patient balance, Reversed.
                """);
        assertThat(output()).as("the same figures as the Summary: one class, the same items")
                .contains("Total open        " + com.rcm.j3490.backlog.WorkbookItems.figures(store, NIGHT_2, 30).open().count());
    }

    /**
     * While a later night is being applied (its first chunk committed, the night not finished),
     * the items it opened and resolved are in the database, dated after the latest applied run.
     * The command, as of that run, gives exactly the figures of that run's workbook Summary: items
     * first seen on or before the date, the Resolved window ending on it.
     */
    @Test
    void theFiguresEqualTheSummaryOfTheSameDateWhileALaterNightIsBeingApplied() {
        twoNights();
        LocalDate night3 = NIGHT_2.plusDays(1);
        BacklogStore committingEachChunk = BacklogLines.storeCommittingEvery(dataSource, 1);
        try (BacklogStore.Night night = committingEachChunk.night(night3)) {
            night.line(line("B", Status.PAID_OK).paid("1000.00").check("CHK-3").build()); // resolves B on night 3
            for (int i = 1; i < BacklogLines.chunk(); i++) {
                night.line(line("N" + i, Status.UNDERPAID).atStake("10.00").check("CHK-3").build());
            }
            // no finish: the run is still applying night 3
        }
        assertThat(store.latestAppliedDate()).contains(NIGHT_2);
        assertThat(store.openCount()).as("night 3's committed chunk is in the database").isGreaterThan(4);

        BacklogFigures command = report().figures(null).orElseThrow();
        BacklogFigures summary = summaryOfAWorkbook(NIGHT_2);
        assertThat(command).isEqualTo(summary);
        // D, P, E open (B was paid on night 3: not open now, and its resolution is after night 2);
        // none of night 3's new items; A resolved on night 2
        assertThat(command.open().count()).isEqualTo(3);
        assertThat(command.newTonight().count()).isEqualTo(1);
        assertThat(command.resolvedInWindow().count()).isEqualTo(1);
        assertThat(command.resolvedTonight().recovered()).isEqualByComparingTo("1210.00");
    }

    /** The Summary's figures of a workbook of {@code runDate} written now from the store, as the job writes it. */
    private BacklogFigures summaryOfAWorkbook(LocalDate runDate) {
        try (WorklistWorkbookWriter writer = new WorklistWorkbookWriter(tmp, runDate, Lines.DESCRIPTIONS,
                new WorklistWorkbookWriter.Options(14, false, 30), store.extraColumns())) {
            writer.backlog(store, tmp.resolve("spill"));
            return writer.figures();
        }
    }

    @Test
    void aLaterDateAgesTheSameItems() {
        twoNights();
        report().print(NIGHT_1.plusDays(40));
        assertThat(output()).startsWith("Backlog as of 2027-01-02 (items as the run of 2026-11-24 left them): "
                + "4 open item(s), 0 new on 2027-01-02")
                .contains("0-30           0 ", "31-60          4     1,334.56       100.00           250.50")
                .contains("On 2027-01-02      0       0.00", "Last 30 days       0       0.00");
    }

    @Test
    void anEarlierDateIsRefusedAndAnEmptyDatabaseSaysSo() {
        report().print(null);
        assertThat(output()).contains("No work items yet");
        twoNights();
        assertThatThrownBy(() -> report().print(NIGHT_1)).isInstanceOf(UserError.class)
                .hasMessageContaining("asOf=2026-11-23 is before the latest run (2026-11-24)");
    }
}
