package com.rcm.j3490.input.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The remittance check's reading of an 835, written once and read back by the reconcile step. */
class X12SpillTest {
    @TempDir
    Path dir;

    /** Everything the 835 reader passes, in its order: lines as text, events as records. */
    private static final class Recording implements RemittanceListener {
        final List<Object> passed = new ArrayList<>();

        void line(X12ServiceLine l) {
            passed.add(l.record().file() + "|" + l.record().line() + "|" + Arrays.toString(l.record().fields()) + "|"
                    + l.record().raw() + "|" + l.ordinal() + "|" + l.flags() + "|" + l.structure());
        }

        @Override
        public void transaction(TransactionBalance balance) {
            passed.add(balance);
        }

        @Override
        public void claimAdjustment(ClaimAdjustment adjustment) {
            passed.add(adjustment);
        }

        @Override
        public void providerAdjustment(ProviderAdjustment adjustment) {
            passed.add(adjustment);
        }
    }

    @Test
    void readsBackEveryLineAndEventInTheOrderTheReaderPassedThem() {
        List<Object> all = new ArrayList<>();
        for (Path file : List.of(X12RemittanceTest.fixture("j3490-night.835"), X12RemittanceTest.fixture("j3490-4010.835"),
                publicSample("affect-therapeutics__exhaustive_sample.txt"),
                publicSample("affect-therapeutics__sample_835_with_interests.txt"))) {
            String name = file.getFileName().toString();
            Path spillFile = dir.resolve(name + ".spill");
            Recording direct = new Recording();
            try (X12Spill.Writer spill = X12Spill.writer(spillFile);
                    Remittance835Reader reader = Remittance835Reader.open(file, X12RemittanceTest.claims(),
                            new Tee(direct, spill))) {
                X12ServiceLine line;
                while ((line = reader.next()) != null) {
                    direct.line(line);
                    spill.line(line);
                }
                spill.complete();
            }
            Recording back = new Recording();
            try (X12Spill.Reader reader = X12Spill.reader(spillFile, back)) {
                X12ServiceLine line;
                while ((line = reader.next()) != null) {
                    back.line(line);
                }
                assertThat(reader.next()).isNull();
            }
            assertThat(direct.passed).as(name).isNotEmpty();
            assertThat(back.passed).as(name).isEqualTo(direct.passed);
            assertThat(back.passed.stream().filter(TransactionBalance.class::isInstance)).as(name).isNotEmpty();
            all.addAll(back.passed);
        }
        // every kind of record went through: claim CAS, PLB, and lines with the flags section 5 adds
        assertThat(all).hasAtLeastOneElementOfType(ClaimAdjustment.class).hasAtLeastOneElementOfType(ProviderAdjustment.class);
        assertThat(all).anyMatch(o -> o.toString().contains("CLAIM_LINE_NOT_FOUND"));
    }

    @Test
    void aSpillNotCompletedLeavesNoFileAndAMissingOrCutSpillIsRefused() throws IOException {
        Path spillFile = dir.resolve("cut.spill");
        try (X12Spill.Writer spill = X12Spill.writer(spillFile);
                Remittance835Reader reader = Remittance835Reader.open(X12RemittanceTest.fixture("j3490-night.835"),
                        null, spill)) {
            spill.line(reader.next());
            // the check failed here: no complete()
        }
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        assertThatThrownBy(() -> X12Spill.reader(spillFile, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing").hasMessageContaining("restart the run");

        try (X12Spill.Writer spill = X12Spill.writer(spillFile);
                Remittance835Reader reader = Remittance835Reader.open(X12RemittanceTest.fixture("j3490-night.835"),
                        null, spill)) {
            spill.line(reader.next());
            spill.line(reader.next());
            spill.complete();
        }
        byte[] whole = Files.readAllBytes(spillFile);
        Files.write(spillFile, Arrays.copyOf(whole, whole.length - 20));
        try (X12Spill.Reader reader = X12Spill.reader(spillFile, null)) {
            assertThatThrownBy(() -> {
                while (reader.next() != null) {
                    // read to the end
                }
            }).isInstanceOf(IllegalStateException.class).hasMessageContaining("ends before its last line");
        }
    }

    private static Path publicSample(String name) {
        return X12RemittanceTest.fixture("j3490-night.835").getParent().resolveSibling("public").resolve(name);
    }

    /** Passes each event to two listeners. */
    private record Tee(RemittanceListener first, RemittanceListener second) implements RemittanceListener {
        @Override
        public void transaction(TransactionBalance b) {
            first.transaction(b);
            second.transaction(b);
        }

        @Override
        public void claimAdjustment(ClaimAdjustment a) {
            first.claimAdjustment(a);
            second.claimAdjustment(a);
        }

        @Override
        public void providerAdjustment(ProviderAdjustment a) {
            first.providerAdjustment(a);
            second.providerAdjustment(a);
        }
    }
}
