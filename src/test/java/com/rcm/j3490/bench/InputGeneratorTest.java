package com.rcm.j3490.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.rcm.j3490.bench.InputGenerator.Intent;
import com.rcm.j3490.bench.InputGenerator.Summary;
import com.rcm.j3490.input.CsvRecord;
import com.rcm.j3490.input.CsvRecordReader;
import com.rcm.j3490.input.InputFiles;
import com.rcm.j3490.input.InputKind;
import com.rcm.j3490.input.RemittanceRowParser;
import com.rcm.j3490.input.RowRejectedException;
import com.rcm.j3490.reference.CodeDescriptionCatalog;
import com.rcm.j3490.reference.ReferenceData;
import com.rcm.j3490.reference.ReferenceDataLoader;
import com.rcm.j3490.rules.Flag;
import com.rcm.j3490.rules.LineReconciler;
import com.rcm.j3490.rules.Money;
import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.rules.RemittanceLine;
import com.rcm.j3490.rules.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's data generator: seeded and byte-reproducible, and its files go through the
 * job's own reading path (and rules) with the intended share of rejections and every status and
 * flag represented. No timing here: timings live in scripts/bench.sh and docs/performance.md.
 */
class InputGeneratorTest {
    private static final long CLAIMS = 12_000;
    private static final long SEED = 20261123L;
    private static final int MAX_LINES_PER_FILE = 10_000;

    @TempDir
    static Path dir;

    static Summary summary;
    static Parsed parsed;

    @BeforeAll
    static void generate() throws IOException {
        summary = InputGenerator.generate(CLAIMS, dir.resolve("a"), SEED, MAX_LINES_PER_FILE);
        parsed = parseAll();
    }

    @Test
    void sameClaimsAndSeedGiveByteIdenticalFiles() throws IOException {
        InputGenerator.generate(CLAIMS, dir.resolve("b"), SEED, MAX_LINES_PER_FILE);
        List<Path> a = files(dir.resolve("a"));
        List<Path> b = files(dir.resolve("b"));
        assertThat(a).hasSameSizeAs(b).hasSizeGreaterThan(5);
        for (int i = 0; i < a.size(); i++) {
            assertThat(dir.resolve("a").relativize(a.get(i))).isEqualTo(dir.resolve("b").relativize(b.get(i)));
            assertThat(Files.mismatch(a.get(i), b.get(i))).as("%s differs", a.get(i)).isEqualTo(-1L);
        }
    }

    @Test
    void anotherSeedGivesOtherData() throws IOException {
        InputGenerator.generate(CLAIMS, dir.resolve("c"), SEED + 1, MAX_LINES_PER_FILE);
        Path first = Path.of("remittance", "remittance-001.csv");
        assertThat(Files.mismatch(dir.resolve("a").resolve(first), dir.resolve("c").resolve(first))).isNotEqualTo(-1L);
    }

    @Test
    void remittanceIsSplitIntoFilesOfAtMostTheLimit() throws IOException {
        List<Path> remittance = InputFiles.list(dir.resolve("a/remittance"), InputKind.REMITTANCE);
        assertThat(remittance).hasSize(summary.remittanceFiles()).hasSizeGreaterThan(1);
        long rows = 0;
        for (Path f : remittance) {
            long n;
            try (Stream<String> lines = Files.lines(f)) {
                n = lines.count() - 1;
            }
            assertThat(n).isLessThanOrEqualTo(MAX_LINES_PER_FILE);
            rows += n;
        }
        assertThat(rows).isEqualTo(summary.remittanceRows());
        // about 2.5 lines per claim, most of them J3490
        assertThat((double) rows / CLAIMS).isBetween(2.3, 2.7);
        assertThat((double) summary.targetRows() / rows).isBetween(0.70, 0.85);
    }

    @Test
    void referenceFilesLoadWithoutRejections() {
        ReferenceData data = reference();
        assertThat(data.rejections()).isEmpty();
        assertThat(data.files()).extracting(ReferenceData.InputFileCount::rows).allMatch(n -> n > 0);
    }

    @Test
    void remittanceParsesThroughTheJobsReaderWithASmallShareOfRejections() throws IOException {
        Parsed p = parsed;
        assertThat(p.rows).isEqualTo(summary.remittanceRows());
        assertThat(p.rejected).isEqualTo(summary.malformedRows());
        double share = (double) p.rejected / p.rows;
        assertThat(share).as("rejected share").isBetween(0.0003, 0.003);
        assertThat(p.rejectionReasons).as("kinds of malformed rows").hasSizeGreaterThanOrEqualTo(5);
        assertThat(p.withoutLineNumber).as("rows relying on the per-claim ordinal").isPositive()
                .isLessThan(p.rows / 10);
    }

    @Test
    void everyStatusAndFlagIsRepresentedAsTheGeneratorIntended() throws IOException {
        ReferenceData data = reference();
        LineReconciler reconciler = new LineReconciler(data.contracts(), data.invoices(), data.pricing(),
                CodeDescriptionCatalog.load(null));
        Map<Status, Long> statuses = new EnumMap<>(Status.class);
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        Set<String> seen = new HashSet<>();
        long duplicates = 0;
        for (RemittanceLine line : parsed.lines) {
            if (!line.procedureCode().equals(InputGenerator.TARGET_CODE)) {
                continue;
            }
            String key = String.join("|", line.payerId(), String.valueOf(line.checkNumber()), line.claimId(),
                    line.lineNumber(), String.valueOf(line.claimStatus()), Money.cents(line.paidAmount()).toPlainString());
            if (!seen.add(key)) {
                duplicates++;
                continue;
            }
            ReconciledLine r = reconciler.reconcile(line, InputGenerator.RUN_DATE);
            statuses.merge(r.status(), 1L, Long::sum);
            flags.addAll(r.flags());
        }
        assertThat(duplicates).isEqualTo(summary.duplicateRows()).isPositive();
        assertThat(statuses.keySet()).containsExactlyInAnyOrder(Status.values());
        // input-error flags need broken reference data or overlong text, and the X12-only flags of
        // contract 5.5 need 835 input: the CSV generator writes neither
        assertThat(flags).containsExactlyInAnyOrderElementsOf(
                java.util.EnumSet.complementOf(java.util.EnumSet.of(Flag.CONTRACT_ROW_REJECTED, Flag.TEXT_TRUNCATED,
                        Flag.CLAIM_LINE_NOT_FOUND, Flag.CLAIM_ADJUSTMENT)));

        long total = statuses.values().stream().mapToLong(Long::longValue).sum();
        assertThat((double) statuses.get(Status.PAID_OK) / total).as("PAID_OK share").isBetween(0.6, 0.85);
        // the generator aims each line at a status with its own copy of the pricing rules; allow a
        // little drift so that a rule refinement does not break this test, but not a broken generator
        Map<Status, Long> intended = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            intended.put(s, summary.targetIntents().getOrDefault(Intent.valueOf(s.name()), 0L));
        }
        for (Status s : Status.values()) {
            assertThat(statuses.get(s)).as("%s lines (job %s, generator %s)", s, statuses, intended)
                    .isCloseTo(intended.get(s), Offset.offset(Math.max(5L, intended.get(s) / 20)));
        }
    }

    private static ReferenceData reference() {
        Path a = dir.resolve("a");
        return ReferenceDataLoader.load(a.resolve("reference/payer-contracts.csv"),
                a.resolve("reference/asp-pricing.csv"), a.resolve("invoices"), 365);
    }

    record Parsed(long rows, long rejected, Set<String> rejectionReasons, long withoutLineNumber,
            List<RemittanceLine> lines) {
    }

    /** The job's reading path: CsvRecordReader, per-claim ordinals, RemittanceRowParser. */
    private static Parsed parseAll() throws IOException {
        long rows = 0;
        long rejected = 0;
        long withoutLineNumber = 0;
        Set<String> reasons = new HashSet<>();
        List<RemittanceLine> lines = new ArrayList<>();
        for (Path f : InputFiles.list(dir.resolve("a/remittance"), InputKind.REMITTANCE)) {
            Map<String, Long> ordinals = new HashMap<>();
            try (CsvRecordReader reader = CsvRecordReader.open(f, InputKind.REMITTANCE)) {
                for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
                    rows++;
                    String claim = r.fields().length == r.header().width() ? r.get("claim_id") : null;
                    long ordinal = claim == null ? 0 : ordinals.merge(claim, 1L, Long::sum);
                    if (r.fields().length == r.header().width() && r.get("line_number") == null) {
                        withoutLineNumber++;
                    }
                    try {
                        lines.add(RemittanceRowParser.parse(r, ordinal));
                    } catch (RowRejectedException e) {
                        rejected++;
                        reasons.add(e.getMessage().replaceAll("'[^']*'", "'…'").replaceAll("\\d+", "#"));
                    }
                }
            }
        }
        return new Parsed(rows, rejected, reasons, withoutLineNumber, lines);
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
