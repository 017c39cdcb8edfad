package com.rcm.j3490.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 case 5: what is in an input folder is read, or the run is refused; never silently skipped. */
class InputFilesTest {
    @TempDir
    Path dir;

    @Test
    void csvFilesAreListedInNameOrderAndOtherNamesIgnored() throws IOException {
        Files.writeString(dir.resolve("b.csv"), "x\n");
        Files.writeString(dir.resolve("A.CSV"), "x\n");
        Files.writeString(dir.resolve("notes.txt"), "x\n");
        assertThat(InputFiles.list(dir, InputKind.INVOICES)).extracting(p -> p.getFileName().toString())
                .containsExactly("A.CSV", "b.csv");
    }

    @Test
    void remittanceFoldersListX12NamesBesideCsvAndClaimFoldersThe837Names() throws IOException {
        for (String name : new String[] {"e.835", "d.EDI", "c.x12", "b.txt", "a.csv", "f.837", "g.xlsx"}) {
            Files.writeString(dir.resolve(name), "x\n");
        }
        assertThat(InputFiles.list(dir, InputKind.REMITTANCE)).extracting(p -> p.getFileName().toString())
                .containsExactly("a.csv", "b.txt", "c.x12", "d.EDI", "e.835");
        assertThat(InputFiles.list(dir, InputKind.CLAIM_LINES)).extracting(p -> p.getFileName().toString())
                .containsExactly("a.csv", "b.txt", "c.x12", "d.EDI", "f.837");
    }

    @Test
    void aDanglingSymlinkNamedCsvRefusesTheRun() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "x\n");
        Files.createSymbolicLink(dir.resolve("b.csv"), dir.resolve("gone.csv"));
        assertThatThrownBy(() -> InputFiles.list(dir, InputKind.INVOICES)).isInstanceOf(InputFileException.class)
                .hasMessageContaining("b.csv").hasMessageContaining("cannot be read");
    }

    @Test
    void aLoopingSymlinkNamedCsvRefusesTheRun() throws IOException {
        Files.createSymbolicLink(dir.resolve("loop.csv"), dir.resolve("loop.csv"));
        assertThatThrownBy(() -> InputFiles.list(dir, InputKind.REMITTANCE)).isInstanceOf(InputFileException.class)
                .hasMessageContaining("loop.csv");
    }

    @Test
    void aFolderNamedCsvRefusesTheRun() throws IOException {
        Files.createDirectories(dir.resolve("old.csv"));
        assertThatThrownBy(() -> InputFiles.list(dir, InputKind.REMITTANCE)).isInstanceOf(InputFileException.class)
                .hasMessageContaining("old.csv").hasMessageContaining("not a regular file");
    }

    /** The timeout only guards the build against the old hang; the assertion is the refusal. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFifoIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = dir.resolve("pipe.csv");
        assumeTrue(mkfifo(fifo), "mkfifo is not available");
        assertThatThrownBy(() -> InputFiles.list(dir, InputKind.REMITTANCE)).isInstanceOf(InputFileException.class)
                .hasMessageContaining("pipe.csv").hasMessageContaining("not a regular file");
        assertThatThrownBy(() -> InputFiles.list(fifo, InputKind.REMITTANCE)).isInstanceOf(InputFileException.class)
                .hasMessageContaining("not a regular file");
        assertThatThrownBy(() -> CsvRecordReader.open(fifo, InputKind.CODE_DESCRIPTIONS))
                .isInstanceOf(InputFileException.class).hasMessageContaining("not a regular file");
    }

    private static boolean mkfifo(Path path) {
        try {
            return new ProcessBuilder("mkfifo", path.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
