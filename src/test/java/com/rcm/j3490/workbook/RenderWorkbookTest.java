package com.rcm.j3490.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Looks at the workbook the way a person would: LibreOffice opens the sample workbook and prints it
 * to PDF, pdftoppm turns the first pages into PNG (scripts/render-workbook.sh). Runs only where
 * LibreOffice is installed; the output stays in target/render/ to be looked at.
 */
@Tag("render")
class RenderWorkbookTest {

    @Test
    void libreOfficeConvertsTheSampleWorkbook() throws Exception {
        assumeTrue(onPath("soffice") && onPath("pdftoppm"), "LibreOffice (soffice) and pdftoppm are not on PATH");
        Path out = Path.of("target", "render").toAbsolutePath();
        org.springframework.util.FileSystemUtils.deleteRecursively(out);
        Files.createDirectories(out);
        LocalDate runDate = LocalDate.now();
        Path workbook = SampleWorkbook.write(out, runDate);

        Process render = new ProcessBuilder("bash", Path.of("scripts", "render-workbook.sh").toString(),
                workbook.toString(), out.toString()).redirectErrorStream(true).start();
        boolean finished = render.waitFor(5, TimeUnit.MINUTES);
        String output = new String(render.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            render.destroyForcibly();
        }

        assertThat(finished).as("render finished in time").isTrue();
        assertThat(render.exitValue()).as(output).isZero();
        Path pdf = out.resolve("j3490-worklist-" + runDate + ".pdf");
        assertThat(pdf).exists();
        assertThat(Files.size(pdf)).isGreaterThan(10_000);
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.matches("j3490-worklist-" + runDate + "-0*1\\.png"));
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
