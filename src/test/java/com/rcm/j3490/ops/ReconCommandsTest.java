package com.rcm.j3490.ops;

import com.rcm.j3490.job.RunTracker;
import static org.assertj.core.api.Assertions.assertThat;

import com.rcm.j3490.ReconApplication;
import com.rcm.j3490.cli.CommandLine;
import com.rcm.j3490.cli.ReconRunner;
import com.rcm.j3490.job.ExitCode;
import com.rcm.j3490.job.FailOnceTrigger;
import com.rcm.j3490.job.RunKey;
import com.rcm.j3490.job.ReconLauncher;
import com.rcm.j3490.job.ReconProperties;
import com.rcm.j3490.job.UserError;
import com.rcm.j3490.reconcile.ReconRepository;
import com.rcm.j3490.workbook.WorklistWorkbookWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The manager commands in process, on small exact inputs: refusals and their exit codes,
 * rerun, abandon, recover, runs and show, the skip limit, the checksum skip and the schedule.
 */
@SpringBootTest(classes = ReconApplication.class, properties = {
        "spring.batch.job.enabled=false",
        "recon.runner.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/ops-db/ReconCommandsTest/recon-repository",
        "recon.chunk-size=20",
        "recon.progress.every-chunks=1",
        // the settings are fixed at start (immutable): every test uses these folders, emptied before it
        "recon.input.remittance=target/ops-db/ReconCommandsTest/files/remittance",
        "recon.input.invoices=target/ops-db/ReconCommandsTest/files/ref/invoices",
        "recon.reference.contracts=target/ops-db/ReconCommandsTest/files/ref/contracts.csv",
        "recon.reference.pricing=target/ops-db/ReconCommandsTest/files/ref/pricing.csv",
        "recon.output.dir=target/ops-db/ReconCommandsTest/files/reports",
        "recon.skip-limit=2",
        "recon.schedule.cron=0 0 2 * * *",
        "recon.schedule.zone=UTC",
        "recon.schedule.run-date-offset-days=0"})
class ReconCommandsTest {
    private static final LocalDate DAY_1 = LocalDate.of(2026, 1, 5);
    private static final LocalDate DAY_2 = LocalDate.of(2026, 1, 6);

    static {
        // a clean job repository for every run of this class
        FileSystemUtils.deleteRecursively(Path.of("target/ops-db/ReconCommandsTest").toFile());
    }

    @Autowired ReconLauncher launcher;
    @Autowired JobOperator jobOperator;
    @Autowired JobRepository jobRepository;
    @Autowired RunHistory history;
    @Autowired RunTracker tracker;
    @Autowired RepositoryLock lock;
    @Autowired ReconProperties properties;
    @Autowired ReconRepository reconRepository;
    @Autowired JdbcTemplate jdbc;

    private final Path dir = Path.of("target/ops-db/ReconCommandsTest/files");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private ReconCommands commands;

    @BeforeEach
    void cleanRepositoryAndPointAtTestInputs() throws IOException {
        for (String table : List.of("BATCH_STEP_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION", "BATCH_JOB_EXECUTION_CONTEXT",
                "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION", "BATCH_JOB_INSTANCE", "recon_run_file", "recon_line",
                "recon_rejected_row", "recon_reconciled_file", "recon_line_key", "recon_reconciled_run")) {
            jdbc.update("DELETE FROM " + table);
        }
        FileSystemUtils.deleteRecursively(dir);
        OpsFixtures.reference(dir.resolve("ref"));
        Files.createDirectories(dir.resolve("remittance"));
        Files.createDirectories(dir.resolve("reports"));
        commands = commands(lock);
    }

    private ReconCommands commands(RepositoryLock repositoryLock) {
        return new ReconCommands(launcher, jobOperator, jobRepository, history,
                new RunReport(reconRepository, new PrintStream(err, true, StandardCharsets.UTF_8)), tracker,
                repositoryLock, properties, new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    /** The command line as the jar gets it; returns the exit code. */
    private int cli(String... args) {
        ReconRunner runner = new ReconRunner(commands);
        runner.run(new DefaultApplicationArguments(args));
        return runner.getExitCode();
    }

    private String out() {
        String s = out.toString(StandardCharsets.UTF_8);
        out.reset();
        return s;
    }

    private void remittance(String name, String claimPrefix, int rows) throws IOException {
        OpsFixtures.remittance(properties.input().remittance().resolve(name), claimPrefix, rows, Set.of());
    }

    private static UserError refusal(Runnable command) {
        try {
            command.run();
        } catch (UserError e) {
            return e;
        }
        throw new AssertionError("the command was not refused");
    }

    @Test
    void aCompletedDateIsRefusedWithItsOwnExitCode() throws IOException {
        remittance("era-1.csv", "A", 30);
        assertThat(cli("runDate=" + DAY_1)).isEqualTo(0);
        assertThat(cli("--runDate=" + DAY_1)).isEqualTo(ExitCode.ALREADY_COMPLETED.code()).isEqualTo(3);
        UserError e = refusal(() -> new ReconRunner(commands).execute(new CommandLine(CommandLine.Command.RUN, DAY_1, 20, false)));
        assertThat(e.exitCode()).isEqualTo(ExitCode.ALREADY_COMPLETED);
        assertThat(e.getMessage()).contains("already completed", "rerun runDate=" + DAY_1 + " --confirm");
    }

    @Test
    void badArgumentsAreRefusedWithExitCode2() {
        assertThat(cli("frobnicate")).isEqualTo(2);
        assertThat(cli("show")).isEqualTo(2);
        assertThat(cli("runs", "--limit=0")).isEqualTo(2);
        assertThat(cli("runDate=yesterday")).isEqualTo(2);
        assertThat(cli("restart", "runDate=" + DAY_1)).isEqualTo(2); // nothing to restart
    }

    @Test
    void rerunOfACompletedDateNeedsTheExplicitFlagAndIsANewRun() throws IOException {
        remittance("era-1.csv", "A", 30);
        assertThat(new ReconRunner(commands).execute(new CommandLine(CommandLine.Command.RUN, DAY_1, 20, false)))
                .isEqualTo(ExitCode.COMPLETED);

        UserError withoutFlag = refusal(() -> commands.rerun(DAY_1, false));
        assertThat(withoutFlag.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(withoutFlag.getMessage()).contains("rerun runDate=" + DAY_1 + " --confirm");
        assertThat(history.ofDate(DAY_1)).hasSize(1);
        assertThat(cli("rerun", "runDate=" + DAY_1)).isEqualTo(2);

        assertThat(cli("rerun", "runDate=" + DAY_1, "--confirm")).isEqualTo(0);
        List<RunHistory.Run> runs = history.ofDate(DAY_1);
        assertThat(runs).extracting(RunHistory.Run::rerun).containsExactly(null, 1L);
        assertThat(runs.get(1).status()).isEqualTo(BatchStatus.COMPLETED);
        // the rerun reads the file again although the first run reconciled its content
        assertThat(runs.get(1).counts().skippedFiles()).isZero();
        assertThat(runs.get(1).counts().lines()).isEqualTo(runs.get(0).counts().lines()).isPositive();

        // (the workbook writer keeps a replaced workbook under a per-second name: start from an empty folder)
        FileSystemUtils.deleteRecursively(properties.output().dir());
        assertThat(cli("rerun", "runDate=" + DAY_1, "--confirm")).isEqualTo(0);
        assertThat(history.ofDate(DAY_1)).extracting(RunHistory.Run::rerun).containsExactly(null, 1L, 2L);
    }

    @Test
    void skipLimitFailsTheRunBeforeAnythingIsReconciledAndTheFixedFileCompletes() throws Exception {
        Path file = OpsFixtures.remittance(properties.input().remittance().resolve("era-bad.csv"), "S", 60,
                Set.of(5, 9, 40));

        assertThat(cli("runDate=" + DAY_1)).isEqualTo(ExitCode.FAILED.code());
        String failure = err.toString(StandardCharsets.UTF_8).trim();
        assertThat(failure.lines()).hasSize(1);
        assertThat(failure).contains("FAILED in step inventoryInputs", "era-bad.csv", "3 malformed rows",
                "recon.skip-limit=2", "line 6", "runDate=" + DAY_1);
        RunHistory.Run failed = history.latest(DAY_1).orElseThrow();
        assertThat(failed.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.counts().lines()).isZero();
        assertThat(failed.counts().rejected()).isZero();
        commands.show(DAY_1);
        assertThat(out()).contains("Failure:   execution", "era-bad.csv has 3 malformed rows", "restart runDate=" + DAY_1);

        // the payer re-sends the file, fixed: the restart completes, as a clean run would
        OpsFixtures.remittance(file, "S", 60, Set.of());
        assertThat(cli("restart", "runDate=" + DAY_1)).isEqualTo(0);
        RunHistory.Run fixed = history.latest(DAY_1).orElseThrow();
        assertThat(fixed.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(fixed.executions()).hasSize(2);
        assertThat(fixed.counts().rejected()).isZero();
        assertThat(fixed.counts().rowsRead()).isEqualTo(60);
        assertThat(jdbc.queryForObject("SELECT checksum FROM recon_run_file WHERE job_instance_id = ? AND "
                + "file_kind = 'REMITTANCE'", String.class, fixed.instance().getInstanceId())).isEqualTo(sha256(file));
        List<String> restarted = WorkbookSheets.rows(workbook(DAY_1), WorklistWorkbookWriter.ALL_LINES);

        FileSystemUtils.deleteRecursively(properties.output().dir());
        assertThat(commands.rerun(DAY_1, true)).isEqualTo(ExitCode.COMPLETED);
        assertThat(WorkbookSheets.rows(workbook(DAY_1), WorklistWorkbookWriter.ALL_LINES))
                .hasSize(1 + 60 - 60 / 7).isEqualTo(restarted);
    }

    @Test
    void aRestartResumesOnlyOnTheInputsTheRunStartedWith() throws Exception {
        Path file = OpsFixtures.remittance(properties.input().remittance().resolve("era-1.csv"), "R", 200, Set.of());
        Path contracts = properties.reference().contracts();
        jdbc.execute("CREATE TRIGGER IF NOT EXISTS fail_once BEFORE INSERT ON recon_line FOR EACH ROW CALL '"
                + FailOnceTrigger.class.getName() + "'");
        try {
            FailOnceTrigger.FAIL_FROM_SEQ.set(100); // a failure after 4 chunks of 20 rows were committed
            assertThat(cli("runDate=" + DAY_1)).isEqualTo(ExitCode.FAILED.code());
        } finally {
            FailOnceTrigger.FAIL_FROM_SEQ.set(0);
            jdbc.execute("DROP TRIGGER IF EXISTS fail_once");
        }
        String original = Files.readString(file);
        String originalContracts = Files.readString(contracts);

        // the paid amount of row 2 edited: the committed rows hold the old amount, so no resume
        Files.writeString(file, original.replaceFirst("(?m)^(R00002(,[^,]*){11}),[^,]*,", "$1,999.99,"));
        assertThat(Files.readString(file)).isNotEqualTo(original);
        assertThat(cli("restart", "runDate=" + DAY_1)).isEqualTo(ExitCode.REFUSED.code());
        assertThat(refusal(() -> commands.restart(DAY_1)).getMessage()).hasLineCount(1).contains("remittance file",
                "era-1.csv changed since run " + DAY_1 + " started", "abandon runDate=" + DAY_1,
                "rerun runDate=" + DAY_1 + " --confirm");
        Files.writeString(file, original);

        // a contract rate changed, a file added: refused just the same, naming the file
        Files.writeString(contracts, originalContracts.replace("P1,Payer One,ASP,106", "P1,Payer One,ASP,120"));
        UserError contractChanged = refusal(() -> commands.restart(DAY_1));
        assertThat(contractChanged.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(contractChanged.getMessage()).contains("payer contracts file", "contracts.csv changed");
        Files.writeString(contracts, originalContracts);
        remittance("era-2.csv", "Q", 5);
        assertThat(refusal(() -> commands.restart(DAY_1)).getMessage()).contains("era-2.csv was added");
        Files.delete(properties.input().remittance().resolve("era-2.csv"));
        assertThat(history.latest(DAY_1).orElseThrow().executions()).as("no execution for a refused restart")
                .hasSize(1);

        // the original inputs back: the restart completes, equal to a run that never failed
        assertThat(cli("restart", "runDate=" + DAY_1)).isZero();
        RunHistory.Run resumed = history.latest(DAY_1).orElseThrow();
        assertThat(resumed.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.counts().rowsRead()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT checksum FROM recon_reconciled_file WHERE job_instance_id = ?",
                String.class, resumed.instance().getInstanceId())).isEqualTo(sha256(file));
        List<String> restarted = WorkbookSheets.rows(workbook(DAY_1), WorklistWorkbookWriter.ALL_LINES);
        FileSystemUtils.deleteRecursively(properties.output().dir());
        assertThat(commands.rerun(DAY_1, true)).isEqualTo(ExitCode.COMPLETED);
        assertThat(WorkbookSheets.rows(workbook(DAY_1), WorklistWorkbookWriter.ALL_LINES)).isEqualTo(restarted);
    }

    @Test
    void beforeAnyRowIsCommittedARestartTakesTheInputsAsTheyAreNow() throws Exception {
        Path file = OpsFixtures.remittance(properties.input().remittance().resolve("era-1.csv"), "R", 60, Set.of());
        jdbc.execute("CREATE TRIGGER IF NOT EXISTS fail_once BEFORE INSERT ON recon_line FOR EACH ROW CALL '"
                + FailOnceTrigger.class.getName() + "'");
        try {
            FailOnceTrigger.FAIL_FROM_SEQ.set(1); // the first chunk fails: nothing reconciled
            assertThat(cli("runDate=" + DAY_1)).isEqualTo(ExitCode.FAILED.code());
        } finally {
            FailOnceTrigger.FAIL_FROM_SEQ.set(0);
            jdbc.execute("DROP TRIGGER IF EXISTS fail_once");
        }
        OpsFixtures.remittance(file, "R", 80, Set.of());
        assertThat(cli("restart", "runDate=" + DAY_1)).isZero();
        RunHistory.Run resumed = history.latest(DAY_1).orElseThrow();
        assertThat(resumed.counts().rowsRead()).isEqualTo(80);
        assertThat(jdbc.queryForObject("SELECT checksum FROM recon_reconciled_file WHERE job_instance_id = ?",
                String.class, resumed.instance().getInstanceId())).isEqualTo(sha256(file));
    }

    @Test
    void anOutputFolderThatCannotBeWrittenRefusesTheRunBeforeAnythingIsRecorded() throws Exception {
        remittance("era-1.csv", "A", 30);
        Path reports = properties.output().dir();
        FileSystemUtils.deleteRecursively(reports);
        Files.writeString(reports, "a file where the folder should be");
        try {
            UserError refused = refusal(() -> commands.run(ReconLauncher.parameters(DAY_1)));
            assertThat(refused.exitCode()).isEqualTo(ExitCode.REFUSED);
            assertThat(refused.getMessage()).contains("output folder", "recon.output.dir", "is not a folder");
            assertThat(cli("runDate=" + DAY_1)).isEqualTo(2);
            assertThat(history.ofDate(DAY_1)).isEmpty();
        } finally {
            Files.delete(reports);
        }
    }

    @Test
    void theAdviceFollowsTheStateAStoppedRunIsRestartedAStagedDataFailureIsRerun() {
        JobExecution stopped = endedExecution(DAY_1, BatchStatus.STOPPED,
                "stopped at a commit on request (the process was shut down); restart resumes it");
        commands.show(DAY_1);
        assertThat(out()).contains("Next:      stopped at a commit by a shutdown: restart runDate=" + DAY_1)
                .doesNotContain("fix the cause");

        endedExecution(DAY_2, BatchStatus.FAILED, "writeWorkbook: the workbook cannot be built from the staged "
                + "lines (Overflow); a restart rebuilds it from the same lines and would fail the same way. Fix the "
                + "input file, then abandon runDate=" + DAY_2 + ", then rerun runDate=" + DAY_2 + " --confirm");
        commands.show(DAY_2);
        assertThat(out()).contains("Next:      a restart would fail the same way: fix the input, then abandon runDate="
                + DAY_2 + ", then rerun runDate=" + DAY_2 + " --confirm");
        assertThat(stopped.getStatus()).isEqualTo(BatchStatus.STOPPED);
    }

    /** An execution that ended with this status and exit description, its one step likewise. */
    private JobExecution endedExecution(LocalDate runDate, BatchStatus status, String description) {
        JobParameters parameters = ReconLauncher.parameters(runDate);
        JobInstance instance = jobRepository.createJobInstance(RunKey.JOB_NAME, parameters);
        JobExecution execution = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStartTime(LocalDateTime.now().minusMinutes(5));
        StepExecution step = jobRepository.createStepExecution("writeWorkbook", execution);
        step.setStartTime(LocalDateTime.now().minusMinutes(1));
        step.setStatus(status);
        step.setEndTime(LocalDateTime.now());
        jobRepository.update(step);
        execution.setStatus(status);
        execution.setExitStatus(new org.springframework.batch.core.ExitStatus(status.name(), description));
        execution.setEndTime(LocalDateTime.now());
        jobRepository.update(execution);
        return execution;
    }

    @Test
    void aRemittanceResentWithOtherLineEndsIsNotReconciledAgainOnALaterNight() throws Exception {
        Path folder = properties.input().remittance();
        remittance("era-monday.csv", "M", 28); // 24 J3490 lines
        assertThat(commands.run(ReconLauncher.parameters(DAY_1))).isEqualTo(ExitCode.COMPLETED);
        long mondayLines = history.latest(DAY_1).orElseThrow().counts().lines();
        assertThat(mondayLines).isEqualTo(24);

        // the payer re-sends Monday's remittance saved with CRLF line ends, beside Tuesday's own
        String monday = Files.readString(folder.resolve("era-monday.csv"));
        Files.delete(folder.resolve("era-monday.csv"));
        Files.writeString(folder.resolve("era-monday-resent.csv"), monday.replace("\n", "\r\n"));
        remittance("era-tuesday.csv", "T", 14); // 12 J3490 lines
        assertThat(commands.run(ReconLauncher.parameters(DAY_2))).isEqualTo(ExitCode.COMPLETED);

        RunHistory.Run tuesday = history.latest(DAY_2).orElseThrow();
        assertThat(tuesday.counts().skippedFiles()).as("other bytes: not skipped as a whole").isZero();
        assertThat(tuesday.counts().lines()).as("only Tuesday's own lines").isEqualTo(12);
        assertThat(tuesday.counts().duplicates()).isEqualTo(24);
        assertThat(WorkbookSheets.rows(workbook(DAY_2), WorklistWorkbookWriter.ALL_LINES))
                .hasSize(1 + 12).noneMatch(row -> row.contains("M000"));

        // Monday reconciled again on purpose: a rerun of the date does not count its own lines as duplicates
        Files.delete(folder.resolve("era-tuesday.csv"));
        Files.move(folder.resolve("era-monday-resent.csv"), folder.resolve("era-monday.csv"));
        FileSystemUtils.deleteRecursively(properties.output().dir());
        assertThat(commands.rerun(DAY_1, true)).isEqualTo(ExitCode.COMPLETED);
        assertThat(history.latest(DAY_1).orElseThrow().counts().lines()).isEqualTo(24);
    }

    @Test
    void stagedPatientDataOfRunsPastTheRetentionIsPrunedAndTheBacklogIsKept() throws Exception {
        remittance("era-1.csv", "A", 30);
        assertThat(commands.run(ReconLauncher.parameters(DAY_1))).isEqualTo(ExitCode.COMPLETED);
        long old = history.latest(DAY_1).orElseThrow().instance().getInstanceId();
        Path failing = OpsFixtures.remittance(properties.input().remittance().resolve("era-1.csv"), "F", 20,
                Set.of(2, 3, 4));
        assertThat(commands.run(ReconLauncher.parameters(DAY_2))).isEqualTo(ExitCode.FAILED);
        long failed = history.latest(DAY_2).orElseThrow().instance().getInstanceId();
        jdbc.update("INSERT INTO recon_line (job_instance_id, seq, source_file, source_line, claim_id, status) "
                + "VALUES (?, 1, 'era-1.csv', 2, 'F00001', 'PAID_OK')", failed); // a failed run's committed line
        long backlogOfTheOldRun = jdbc.queryForObject("SELECT COUNT(*) FROM backlog_item WHERE claim_id LIKE 'A%'",
                Long.class);
        assertThat(backlogOfTheOldRun).as("the old run's work items").isPositive();
        // both runs ended 100 days ago: past the default retention of 90 days
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET END_TIME = ? WHERE JOB_INSTANCE_ID IN (?, ?)",
                java.sql.Timestamp.valueOf(LocalDateTime.now().minusDays(100)), old, failed);
        assertThat(linesOf(old)).isPositive();

        OpsFixtures.remittance(failing, "B", 10, Set.of());
        assertThat(commands.run(ReconLauncher.parameters(DAY_1.plusDays(7)))).isEqualTo(ExitCode.COMPLETED);
        assertThat(linesOf(old)).as("the completed run's staged lines are pruned").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recon_line_key WHERE job_instance_id = ?",
                Long.class, old)).isZero();
        assertThat(linesOf(failed)).as("a failed run keeps what its restart needs").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM backlog_item WHERE claim_id LIKE 'A%'", Long.class))
                .as("the backlog's work items are kept").isEqualTo(backlogOfTheOldRun);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recon_run_file WHERE job_instance_id = ?", Long.class,
                old)).as("the run's file records (no patient data) stay").isPositive();
    }

    private long linesOf(long instanceId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM recon_line WHERE job_instance_id = ?", Long.class, instanceId);
    }

    @Test
    void aRedeliveredFileIsSkippedByItsContentAndTheSummarySaysSo() throws Exception {
        remittance("era-monday.csv", "M", 25);
        assertThat(commands.run(ReconLauncher.parameters(DAY_1))).isEqualTo(ExitCode.COMPLETED);

        Path folder = properties.input().remittance();
        Files.move(folder.resolve("era-monday.csv"), folder.resolve("era-monday-resent.csv"));
        remittance("era-tuesday.csv", "T", 25);
        assertThat(commands.run(ReconLauncher.parameters(DAY_2))).isEqualTo(ExitCode.COMPLETED);

        RunHistory.Run tuesday = history.latest(DAY_2).orElseThrow();
        assertThat(tuesday.counts().remittanceFiles()).isEqualTo(2);
        assertThat(tuesday.counts().skippedFiles()).isEqualTo(1);
        assertThat(tuesday.counts().rowsRead()).isEqualTo(25);
        assertThat(new RunReport(reconRepository, System.err).summary(tuesday.last()))
                .contains("25 remittance rows read", "1 of 2 remittance files skipped as already reconciled");
        assertThat(WorkbookSheets.rows(workbook(DAY_2), WorklistWorkbookWriter.SUMMARY))
                .anySatisfy(row -> assertThat(row).contains("era-monday-resent.csv",
                        "skipped: content already reconciled by the run of " + DAY_1 + " (as era-monday.csv)"));
    }

    @Test
    void runsAndShowPrintTheRunsTheirStepsAndWhatToDoNext() throws IOException {
        remittance("era-1.csv", "A", 30);
        commands.run(ReconLauncher.parameters(DAY_1));
        OpsFixtures.remittance(properties.input().remittance().resolve("era-2.csv"), "B", 10, Set.of(3, 4, 5));
        assertThat(commands.run(ReconLauncher.parameters(DAY_2))).isEqualTo(ExitCode.FAILED);
        out();

        assertThat(cli("runs", "--limit=5")).isZero();
        List<String> table = out().lines().toList();
        assertThat(table.get(0)).startsWith("RUN DATE").contains("STATUS", "STARTED", "ENDED", "READ", "RECONCILED",
                "REJECTED", "EXIT");
        assertThat(table.get(1)).startsWith(DAY_2.toString()).contains("FAILED", "era-2.csv has 3 malformed rows");
        assertThat(table.get(2)).startsWith(DAY_1.toString()).contains("COMPLETED").containsPattern(" 30 +26 +0 ");
        assertThat(table).hasSize(3);

        assertThat(cli("runs", "--limit=1")).isZero();
        assertThat(out().lines()).hasSize(2);

        assertThat(cli("show", "runDate=" + DAY_1)).isZero();
        String shown = out();
        assertThat(shown).contains("Run " + DAY_1, "Status:    COMPLETED after 1 execution(s)",
                "30 remittance rows read, 26 lines reconciled", "Workbook:", "inventoryInputs", "reconcileLines",
                "writeWorkbook", "Next:      nothing to do");
        assertThat(shown).containsPattern("reconcileLines +COMPLETED .* 30 +30 +2 +0 +COMPLETED");

        assertThat(cli("show", "runDate=2030-01-01")).isEqualTo(2);
    }

    @Test
    void anAbandonedRunIsNeverResumedButCanBeRerun() throws IOException {
        Path file = OpsFixtures.remittance(properties.input().remittance().resolve("era.csv"), "X", 10, Set.of(2, 3, 4));
        assertThat(commands.run(ReconLauncher.parameters(DAY_1))).isEqualTo(ExitCode.FAILED);

        assertThat(cli("abandon", "runDate=" + DAY_1)).isZero();
        assertThat(out()).contains("Abandoned run " + DAY_1, "never be resumed", "rerun runDate=" + DAY_1 + " --confirm");
        assertThat(history.latest(DAY_1).orElseThrow().status()).isEqualTo(BatchStatus.ABANDONED);

        OpsFixtures.remittance(file, "X", 10, Set.of());
        UserError relaunch = refusal(() -> commands.run(ReconLauncher.parameters(DAY_1)));
        assertThat(relaunch.exitCode()).isEqualTo(ExitCode.ALREADY_COMPLETED);
        assertThat(relaunch.getMessage()).contains("abandoned", "rerun runDate=" + DAY_1 + " --confirm");
        assertThat(cli("restart", "runDate=" + DAY_1)).isEqualTo(3);
        assertThat(cli("abandon", "runDate=" + DAY_1)).isZero(); // already abandoned: nothing to do

        assertThat(cli("rerun", "runDate=" + DAY_1, "--confirm")).isZero();
        assertThat(history.latest(DAY_1).orElseThrow().status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(cli("abandon", "runDate=" + DAY_1)).isEqualTo(3); // a completed run is not abandoned
    }

    @Test
    void aRunLeftStartedIsRefusedUntilRecoveredThenResumes() throws IOException {
        remittance("era-1.csv", "A", 30);
        JobExecution dead = startedByADeadProcess(DAY_1);

        assertThat(cli("runDate=" + DAY_1)).isEqualTo(ExitCode.ALREADY_RUNNING.code());
        assertThat(cli("abandon", "runDate=" + DAY_1)).isEqualTo(4);
        commands.runs(10);
        assertThat(out()).contains("STARTED*", "its process died", "recover runDate=");

        assertThat(cli("recover", "runDate=" + DAY_1)).isZero();
        assertThat(out()).contains("Recovered run " + DAY_1, "execution " + dead.getId(),
                "holds the H2 repository's file lock", "step reconcileLines stopped after 3 committed chunk(s)",
                "restart runDate=" + DAY_1);
        JobExecution recovered = jobRepository.getJobExecution(dead.getId());
        assertThat(recovered.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(recovered.getExitStatus().getExitDescription()).startsWith("process died; marked FAILED by recover");
        assertThat(recovered.getStepExecutions()).allSatisfy(s -> assertThat(s.getStatus()).isEqualTo(BatchStatus.FAILED));
        assertThat(cli("recover", "runDate=" + DAY_1)).isEqualTo(2); // nothing left to recover

        assertThat(cli("restart", "runDate=" + DAY_1)).isZero();
        assertThat(history.latest(DAY_1).orElseThrow().status()).isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void onASharedRepositoryRecoverNeedsTheManagersConfirmation() {
        JobExecution dead = startedByADeadProcess(DAY_1);
        ReconCommands onPostgres = commands(new RepositoryLock("jdbc:postgresql://db.example:5432/recon"));

        UserError refused = refusal(() -> onPostgres.recover(DAY_1, false));
        assertThat(refused.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(refused.getMessage()).contains("is shared", "execution " + dead.getId(), "Make sure that process is dead",
                "recover runDate=" + DAY_1 + " --confirm");
        assertThat(jobRepository.getJobExecution(dead.getId()).getStatus()).isEqualTo(BatchStatus.STARTED);

        assertThat(onPostgres.recover(DAY_1, true)).isEqualTo(ExitCode.COMPLETED);
        assertThat(out()).contains("the manager confirmed that its process is dead");
        assertThat(jobRepository.getJobExecution(dead.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
    }

    /** The schedule's firings called directly (its cron is set to 02:00): deterministic, no waiting. */
    @Test
    void theScheduleLaunchesTonightsRunAndGoesOnAfterARefusal() throws Exception {
        remittance("era-1.csv", "N", 20);
        NightlySchedule schedule = commands.startSchedule();
        try {
            LocalDate tonight = schedule.runDateNow();
            assertThat(tonight).isEqualTo(LocalDate.now(ZoneOffset.UTC));
            schedule.fire();
            assertThat(completed(tonight)).as("a scheduled run of %s completed", tonight).isTrue();
            assertThat(schedule.lastOutcome()).isEqualTo(ExitCode.COMPLETED);
            // the next firing finds the date completed: refused (exit 3), and the schedule goes on
            schedule.fire();
            assertThat(schedule.lastOutcome()).isEqualTo(ExitCode.ALREADY_COMPLETED);
            assertThat(schedule.firings()).isEqualTo(2);
        } finally {
            commands.stopSchedule();
        }
        schedule.awaitStop(); // returns: stop released it
    }

    private boolean completed(LocalDate date) {
        return history.latest(date).map(r -> r.status() == BatchStatus.COMPLETED).orElse(false);
    }

    /** What kill -9 leaves: an execution and its running step marked STARTED, 3 chunks committed. */
    private JobExecution startedByADeadProcess(LocalDate runDate) {
        JobParameters parameters = ReconLauncher.parameters(runDate);
        JobInstance instance = jobRepository.createJobInstance(RunKey.JOB_NAME, parameters);
        JobExecution execution = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStatus(BatchStatus.STARTED);
        execution.setStartTime(LocalDateTime.now().minusMinutes(5));
        jobRepository.update(execution);
        StepExecution step = jobRepository.createStepExecution("reconcileLines", execution);
        step.setStatus(BatchStatus.STARTED);
        step.setStartTime(LocalDateTime.now().minusMinutes(5));
        step.setCommitCount(3);
        step.setReadCount(60);
        jobRepository.update(step);
        return execution;
    }

    private Path workbook(LocalDate runDate) {
        return properties.output().dir().resolve(WorklistWorkbookWriter.fileName(runDate));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
