package com.rcm.j3490.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.rcm.j3490.ReconApplication;
import com.rcm.j3490.support.TestInputs;
import com.rcm.j3490.support.WorkbookReader;
import com.rcm.j3490.workbook.WorklistWorkbookWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Parsing and pricing on several threads give exactly the workbook of the single-threaded run. */
class ParallelReconcileTest {
    private static final Path DIR = Path.of("target/test-runs/parallel");
    private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 23);

    @Test
    void allLinesAndWorklistsAreIdenticalWithOneAndFourThreads() throws Exception {
        TestProperties.clean(DIR);
        TestInputs.write(DIR.resolve("in"), 2500);
        Map<String, List<List<String>>> single = run("single", 1);
        Map<String, List<List<String>>> parallel = run("parallel", 4);
        assertThat(single.get(WorklistWorkbookWriter.ALL_LINES)).hasSize(2 * 2500 + 1);
        assertThat(parallel).isEqualTo(single);
    }

    private static Map<String, List<List<String>>> run(String name, int threads) throws Exception {
        Path in = DIR.resolve("in");
        Path out = DIR.resolve(name);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ReconApplication.class).run(
                "--spring.datasource.url=jdbc:h2:file:./" + DIR.resolve(name + "-db/repository"),
                "--recon.input.remittance=" + in.resolve("remittance"),
                "--recon.input.invoices=" + in.resolve("invoices"),
                "--recon.reference.contracts=" + in.resolve("contracts.csv"),
                "--recon.reference.pricing=" + in.resolve("pricing.csv"),
                "--recon.output.dir=" + out, "--recon.chunk-size=100",
                "--recon.reconcile-threads=" + threads, "runDate=" + RUN_DATE)) {
            assertThat(SpringApplication.exit(context)).isZero();
        }
        try (XSSFWorkbook wb = WorkbookReader.open(out.resolve(WorklistWorkbookWriter.fileName(RUN_DATE)))) {
            return Map.of(
                    WorklistWorkbookWriter.ALL_LINES, WorkbookReader.rows(wb.getSheet(WorklistWorkbookWriter.ALL_LINES)),
                    "Underpaid", WorkbookReader.rows(wb.getSheet("Underpaid")),
                    "Denied CO-16", WorkbookReader.rows(wb.getSheet("Denied CO-16")),
                    WorklistWorkbookWriter.REJECTED_ROWS, WorkbookReader.rows(wb.getSheet(WorklistWorkbookWriter.REJECTED_ROWS)));
        }
    }
}
