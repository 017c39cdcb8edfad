package com.rcm.j3490.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.rcm.j3490.support.Steps;
import com.rcm.j3490.support.TestInputs;
import com.rcm.j3490.support.WorkbookReader;
import com.rcm.j3490.workbook.WorklistWorkbookWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A run fails part-way on purpose (a database error on one line's insert), is relaunched with
 * the same runDate, resumes after the last committed chunk, reconciles no line twice, and
 * writes the same All Lines as a run that never failed.
 */
@SpringBatchTest
@SpringBootTest
class ReconJobRestartTest {
    private static final Path DIR = Path.of("target/test-runs/restart");
    private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 23);
    private static final int CLAIMS_PER_FILE = 1500;
    private static final int CHUNK = 100;

    @Autowired
    private JobOperatorTestUtils jobs;

    @Autowired
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        TestProperties.register(registry, DIR);
        registry.add("recon.chunk-size", () -> CHUNK);
    }

    @BeforeAll
    static void inputs() throws Exception {
        TestProperties.clean(DIR);
        TestInputs.write(DIR.resolve("in"), CLAIMS_PER_FILE);
    }

    @Test
    void failedRunResumesWhereItStoppedAndEqualsACleanRun() throws Exception {
        jdbc.execute("CREATE TRIGGER IF NOT EXISTS fail_once BEFORE INSERT ON recon_line FOR EACH ROW CALL '"
                + FailOnceTrigger.class.getName() + "'");
        // rows of file 2 come after file 1's 3,003 rows: fail in the middle of the second file
        FailOnceTrigger.FAIL_FROM_SEQ.set(4550);
        JobParameters parameters = ReconLauncher.parameters(RUN_DATE);

        JobExecution failed = jobs.startJob(parameters);
        assertThat(failed.getStatus()).as("%s", failed.getAllFailureExceptions()).isEqualTo(BatchStatus.FAILED);
        StepExecution failedStep = Steps.named(failed, "reconcileLines");
        assertThat(failedStep.getCommitCount()).isGreaterThan(10);
        long instanceId = failed.getJobInstance().getInstanceId();
        long committed = count(instanceId);
        assertThat(committed).isPositive().isLessThan(expectedTargetLines());
        assertThat(Files.exists(workbook())).as("no workbook from a failed run").isFalse();

        JobExecution resumed = jobs.startJob(parameters);
        assertThat(resumed.getStatus()).as("%s", resumed.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.getJobInstance().getInstanceId()).isEqualTo(instanceId);
        StepExecution resumedStep = Steps.named(resumed, "reconcileLines");
        long committedRows = failedStep.getExecutionContext().getInt("remittance.read.count");
        assertThat(committedRows).isPositive().isLessThan(failedStep.getReadCount()).isEqualTo(
                (long) CHUNK * failedStep.getCommitCount());
        assertThat(resumedStep.getReadCount()).as("the restart reads only what was not committed")
                .isEqualTo(totalRows() - committedRows);
        assertThat(count(instanceId)).as("every target line once").isEqualTo(expectedTargetLines());
        assertThat(duplicates(instanceId)).as("redelivered after the failure, first seen before it")
                .isEqualTo(TestInputs.REDELIVERED);
        List<List<String>> afterRestart = allLines();

        // the same date reconciled again on purpose as a new instance that never fails
        JobExecution clean = jobs.startJob(new JobParametersBuilder(parameters)
                .addLong(RunKey.RERUN, 1L).toJobParameters());
        assertThat(clean.getStatus()).as("%s", clean.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(count(clean.getJobInstance().getInstanceId())).isEqualTo(expectedTargetLines());
        assertThat(duplicates(clean.getJobInstance().getInstanceId())).isEqualTo(TestInputs.REDELIVERED);
        assertThat(afterRestart).hasSize(2 * CLAIMS_PER_FILE + 1).isEqualTo(allLines());
    }

    private static long totalRows() {
        // per file: two rows per claim plus one malformed row every 500 claims; file 2 ends with redeliveries
        return 2L * (2L * CLAIMS_PER_FILE + CLAIMS_PER_FILE / 500) + TestInputs.REDELIVERED;
    }

    /** Target lines stored: every J3490 row, the redelivered ones included (marked as duplicates). */
    private static long expectedTargetLines() {
        return 2L * CLAIMS_PER_FILE + TestInputs.REDELIVERED;
    }

    private long duplicates(long instanceId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM recon_line WHERE job_instance_id = ? AND duplicate_of IS NOT NULL",
                Long.class, instanceId);
    }

    private long count(long instanceId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM recon_line WHERE job_instance_id = ?", Long.class, instanceId);
    }

    private static Path workbook() {
        return DIR.resolve("out").resolve(WorklistWorkbookWriter.fileName(RUN_DATE));
    }

    private static List<List<String>> allLines() throws Exception {
        try (XSSFWorkbook wb = WorkbookReader.open(workbook())) {
            return WorkbookReader.rows(wb.getSheet(WorklistWorkbookWriter.ALL_LINES));
        }
    }
}
