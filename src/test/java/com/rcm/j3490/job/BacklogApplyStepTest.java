package com.rcm.j3490.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.rcm.j3490.backlog.BacklogStore;
import com.rcm.j3490.backlog.ItemKey;
import com.rcm.j3490.backlog.Resolution;
import com.rcm.j3490.backlog.WorkItem;
import com.rcm.j3490.rules.Status;
import com.rcm.j3490.support.Steps;
import com.rcm.j3490.support.TestInputs;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The applyBacklog step in the real job (contract 6.1): night 1 opens an item for every actionable
 * line; night 2 pays one of its denials (resolved, Recovered) and brings a new denial. Runs fail on
 * purpose during the apply and after it (in the workbook step) and are relaunched, and night 2 is
 * rerun: each date's changes apply once, never an item opened twice nor money recovered twice.
 */
@SpringBatchTest
@SpringBootTest
class BacklogApplyStepTest {
    private static final Path DIR = Path.of("target/test-runs/backlog-apply");
    private static final Path IN = DIR.resolve("in");
    private static final Path OUT = DIR.resolve("out");
    private static final LocalDate NIGHT_1 = LocalDate.of(2026, 11, 23);
    private static final LocalDate NIGHT_2 = NIGHT_1.plusDays(1);
    private static final int CLAIMS_PER_FILE = 30;
    /** night 1: claim 7 of file 1 is a CO-16 denial (TestInputs' kind 0) */
    private static final ItemKey DENIED = new ItemKey("BCBS", "CLM1000007", "1");
    private static final ItemKey NEW_DENIAL = new ItemKey("BCBS", "CLM3000000", "1");

    @Autowired
    private JobOperatorTestUtils jobs;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private BacklogStore store;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestProperties.register(registry, DIR);
        registry.add("recon.chunk-size", () -> 10);
    }

    @BeforeAll
    static void inputs() throws Exception {
        TestProperties.clean(DIR);
        TestInputs.write(IN, CLAIMS_PER_FILE);
    }

    @Test
    void eachDateAppliesOnceThroughFailuresRestartsAndReruns() throws Exception {
        jdbc.execute("CREATE TRIGGER IF NOT EXISTS fail_backlog_once BEFORE INSERT, UPDATE ON backlog_item "
                + "FOR EACH ROW CALL '" + FailBacklogOnceTrigger.class.getName() + "'");

        // night 1 fails while writing its items, then is relaunched
        FailBacklogOnceTrigger.ARMED.set(true);
        JobParameters night1 = ReconLauncher.parameters(NIGHT_1);
        JobExecution failed = jobs.startJob(night1);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(Steps.named(failed, "applyBacklog").getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(store.openCount()).as("a failed apply leaves no item").isZero();
        assertThat(store.applied(NIGHT_1)).isFalse();
        completed(jobs.startJob(night1));

        long actionable = actionableLines(failed.getJobInstance().getInstanceId());
        assertThat(actionable).isPositive();
        assertThat(store.openCount()).as("one item per actionable claim line, once").isEqualTo(actionable);
        assertThat(itemRows()).isEqualTo(actionable);
        WorkItem denied = store.find(DENIED).orElseThrow();
        assertThat(denied.isOpen()).isTrue();
        assertThat(denied.firstSeen()).isEqualTo(NIGHT_1);
        assertThat(denied.status().name()).startsWith("DENIED");
        assertThat(store.applied(NIGHT_1)).isTrue();

        // night 2: the payer pays the denial in full (what it expected, the rest contractual) and denies a new line
        List<String> rows = Files.readAllLines(IN.resolve("remittance/era-1.csv"));
        String[] denial = rows.stream().filter(r -> r.startsWith("CLM1000007,") && r.contains(",J3490,"))
                .findFirst().orElseThrow().split(",", -1);
        BigDecimal expected = denied.line().expected();
        String[] payment = denial.clone();
        payment[5] = expected.toPlainString();
        payment[6] = "CHK3";
        payment[16] = "CO-45:" + new BigDecimal(denial[4]).subtract(expected).toPlainString();
        payment[17] = "";
        String[] newDenial = denial.clone();
        newDenial[0] = NEW_DENIAL.claimId();
        newDenial[6] = "CHK3";
        Files.writeString(IN.resolve("remittance/era-3.csv"), rows.get(0) + "\n" + String.join(",", payment) + "\n"
                + String.join(",", newDenial) + "\n");
        // it fails after the apply (the workbook cannot be written), then is relaunched
        Path kept = DIR.resolve("out-kept");
        Files.move(OUT, kept);
        Files.writeString(OUT, "not a folder");
        JobParameters night2 = ReconLauncher.parameters(NIGHT_2);
        JobExecution failedAfter = jobs.startJob(night2);
        assertThat(failedAfter.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(Steps.named(failedAfter, "applyBacklog").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Files.delete(OUT);
        Files.move(kept, OUT);
        JobExecution resumed = jobs.startJob(night2);
        completed(resumed);
        assertThat(resumed.getStepExecutions()).extracting(s -> s.getStepName())
                .as("the apply is not redone").doesNotContain("applyBacklog");
        assertNight2(actionable);

        // night 2 again: fails during the apply, relaunched
        JobParameters rerun = new JobParametersBuilder(night2)
                .addLong(RunKey.RERUN, 1L).toJobParameters();
        FailBacklogOnceTrigger.ARMED.set(true);
        assertThat(jobs.startJob(rerun).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(store.applied(NIGHT_2)).as("the rerun's apply did not finish").isFalse();
        completed(jobs.startJob(rerun));
        assertNight2(actionable);
    }

    private void assertNight2(long night1Items) {
        WorkItem paid = store.find(DENIED).orElseThrow();
        assertThat(paid.isOpen()).as("%s %s", paid.status(), paid.lastPayerAction()).isFalse();
        assertThat(paid.status()).isEqualTo(Status.PAID_OK);
        assertThat(paid.resolution()).isEqualTo(Resolution.PAID_BY_PAYER);
        assertThat(paid.resolvedOn()).isEqualTo(NIGHT_2);
        assertThat(paid.firstSeen()).isEqualTo(NIGHT_1);
        assertThat(paid.recovered()).isPositive().isEqualByComparingTo(paid.line().reimbursed());
        WorkItem added = store.find(NEW_DENIAL).orElseThrow();
        assertThat(added.firstSeen()).isEqualTo(NIGHT_2);
        assertThat(added.isOpen()).isTrue();
        assertThat(itemRows()).as("never opened twice").isEqualTo(night1Items + 1);
        assertThat(store.openCount()).isEqualTo(night1Items);
        BigDecimal recovered = jdbc.queryForObject("SELECT SUM(recovered) FROM backlog_item", BigDecimal.class);
        assertThat(recovered).as("recovered once").isEqualByComparingTo(paid.recovered());
        Map<String, Object> run = jdbc.queryForMap("SELECT opened, resolved, recovered FROM backlog_run WHERE run_date = ?",
                NIGHT_2);
        assertThat(((Number) run.get("OPENED")).longValue()).isEqualTo(1);
        assertThat(((Number) run.get("RESOLVED")).longValue()).isEqualTo(1);
        assertThat((BigDecimal) run.get("RECOVERED")).isEqualByComparingTo(paid.recovered());
    }

    /** (void: @SpringBatchTest takes a method returning a JobExecution for a factory) */
    private static void completed(JobExecution execution) {
        assertThat(execution.getStatus()).as("%s", execution.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
    }

    private long itemRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM backlog_item", Long.class);
    }

    /** Lines of the run that are not PAID_OK (duplicates excluded): each opens an item. */
    private long actionableLines(long instanceId) {
        var repository = new com.rcm.j3490.reconcile.ReconRepository(jdbc);
        long[] n = new long[1];
        repository.forEachLine(instanceId, l -> {
            if (l.status() != Status.PAID_OK) {
                n[0]++;
            }
        });
        return n[0];
    }
}
