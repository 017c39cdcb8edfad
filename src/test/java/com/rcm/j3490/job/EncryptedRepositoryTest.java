package com.rcm.j3490.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.rcm.j3490.input.Columns;
import com.rcm.j3490.input.CsvRecord;
import com.rcm.j3490.input.CsvRecordReader;
import com.rcm.j3490.input.InputFiles;
import com.rcm.j3490.input.InputKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The H2 file encryption offered for the job repository (issue 12, case 9), with the settings the
 * README documents: {@code CIPHER=AES} in the URL, the password "file key, space, user password".
 * The whole job runs on it, and the database file holds none of the samples' patient names.
 */
@SpringBatchTest
@SpringBootTest
class EncryptedRepositoryTest {
    private static final Path DIR = Path.of("target/test-runs/encrypted");
    private static final String FILE_KEY = "a-long-random-file-key-0123456789";

    @Autowired
    private JobOperatorTestUtils jobs;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        TestProperties.clean(DIR);
        registry.add("spring.batch.job.enabled", () -> "false");
        registry.add("recon.runner.enabled", () -> "false");
        registry.add("recon.repository.dir", () -> DIR.toString());
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:./" + DIR.resolve("repository")
                + ";CIPHER=AES;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=1024;WRITE_DELAY=0");
        registry.add("spring.datasource.password", () -> FILE_KEY + " user-password");
        registry.add("recon.output.dir", () -> DIR.resolve("out").toString());
        registry.add("recon.workbook.carry-over-dir", () -> DIR.resolve("no-previous-workbooks").toString());
    }

    @Test
    void theJobRunsOnAnEncryptedRepositoryWhoseFileHoldsNoPatientName() throws Exception {
        JobExecution execution = jobs.startJob(ReconLauncher.parameters(LocalDate.of(2026, 11, 24)));
        assertThat(execution.getStatus()).as("%s", execution.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);

        Set<String> names = new TreeSet<>();
        for (Path file : InputFiles.list(Path.of("input-samples/remittance"), InputKind.REMITTANCE)) {
            try (CsvRecordReader reader = CsvRecordReader.open(file, InputKind.REMITTANCE)) {
                for (CsvRecord r; (r = reader.next()) != null;) {
                    String name = r.peek(Columns.PATIENT_NAME);
                    if (name != null && name.length() >= 6) {
                        names.add(name);
                    }
                }
            }
        }
        assertThat(names).hasSizeGreaterThan(20);
        String database = new String(Files.readAllBytes(DIR.resolve("repository.mv.db")), StandardCharsets.ISO_8859_1);
        assertThat(names).noneMatch(database::contains);
    }
}
