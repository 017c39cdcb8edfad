package com.rcm.j3490.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.rcm.j3490.input.InputKind;
import com.rcm.j3490.reconcile.ReconRepository.RunFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison of the inputs a run started with and those found at its restart. */
class RunInputsTest {
    private static final Path ERA = Path.of("in/remittance/era.csv");
    private static final Path CONTRACTS = Path.of("in/contracts.csv");

    private static RunFile recorded(InputKind kind, Path path, String checksum) {
        return new RunFile(kind, 0, path.getFileName().toString(), path, checksum, null, 10);
    }

    @Test
    void theSameFilesWithTheSameContentMayResume() {
        assertThat(RunInputs.firstDifference(
                List.of(recorded(InputKind.REMITTANCE, ERA, "a"), recorded(InputKind.CONTRACTS, CONTRACTS, "c")),
                List.of(new RunInputs.Found(InputKind.REMITTANCE, ERA.toAbsolutePath(), "a"),
                        new RunInputs.Found(InputKind.CONTRACTS, CONTRACTS, "c")))).isEmpty();
    }

    @Test
    void aChangedAddedOrRemovedFileIsNamed() {
        List<RunFile> before = List.of(recorded(InputKind.REMITTANCE, ERA, "a"),
                recorded(InputKind.CONTRACTS, CONTRACTS, "c"));
        assertThat(RunInputs.firstDifference(before, List.of(new RunInputs.Found(InputKind.REMITTANCE, ERA, "a"),
                new RunInputs.Found(InputKind.CONTRACTS, CONTRACTS, "C")))).contains(
                        "payer contracts file " + CONTRACTS + " changed");
        assertThat(RunInputs.firstDifference(before, List.of(new RunInputs.Found(InputKind.CONTRACTS, CONTRACTS, "c"))))
                .contains("remittance file " + ERA + " was removed or renamed");
        Path added = Path.of("in/invoices/march.csv");
        assertThat(RunInputs.firstDifference(before, List.of(new RunInputs.Found(InputKind.REMITTANCE, ERA, "a"),
                new RunInputs.Found(InputKind.CONTRACTS, CONTRACTS, "c"),
                new RunInputs.Found(InputKind.INVOICES, added, "i")))).contains(
                        "invoices file " + added + " was added");
    }

    @Test
    void kindsRecordedWithoutChecksumsByAnOlderVersionAreNotCompared() {
        List<RunFile> before = List.of(recorded(InputKind.REMITTANCE, ERA, "a"),
                recorded(InputKind.CONTRACTS, CONTRACTS, null));
        assertThat(RunInputs.firstDifference(before, List.of(new RunInputs.Found(InputKind.REMITTANCE, ERA, "a"),
                new RunInputs.Found(InputKind.CONTRACTS, CONTRACTS, "c")))).isEmpty();
    }

    @Test
    void theRefusalSaysWhatToDo() {
        assertThat(RunInputs.refusal("remittance file era.csv changed", java.time.LocalDate.of(2026, 1, 5)))
                .isEqualTo("Refused: remittance file era.csv changed since run 2026-01-05 started; a restart resumes "
                        + "only on the inputs the run started with. To reconcile the new content: abandon "
                        + "runDate=2026-01-05, then rerun runDate=2026-01-05 --confirm (or put the original file "
                        + "back and restart)");
    }
}
