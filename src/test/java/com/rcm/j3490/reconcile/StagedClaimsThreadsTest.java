package com.rcm.j3490.reconcile;

import static org.junit.jupiter.api.Assertions.*;

import com.rcm.j3490.input.RowRejection;
import com.rcm.j3490.input.x12.ClaimLine;
import com.rcm.j3490.input.x12.ClaimVersion;
import com.rcm.j3490.input.x12.X12FormatException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claim files staged on several threads give what one thread gives: the same rows (reading order,
 * line numbers), the same counts, the same rejected rows in the same order, the same joins.
 */
class StagedClaimsThreadsTest {
    private static final Set<String> TARGET = Set.of("J3490");

    @TempDir
    Path dir;

    private StagedClaims store;
    private JdbcTemplate jdbc;
    private TransactionTemplate tx;

    @BeforeEach
    void database() throws Exception {
        JdbcDataSource ds = StagedClaimsTest.database();
        jdbc = new JdbcTemplate(ds);
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        store = new StagedClaims(jdbc);
    }

    /** What one staging gave, all of it. */
    private record Outcome(StagedClaims.Staged staged, List<String> rows, List<RowRejection> rejected) {
    }

    private Outcome stage(long instance, List<StagedClaims.Part> parts, int threads) {
        List<RowRejection> rejected = new ArrayList<>();
        StagedClaims.Staged staged = store.stage(instance, parts, rejected::add, TARGET, threads, tx);
        List<String> rows = jdbc.query("SELECT sending, claim_id, bht_stamp, first_line, ambiguous, lines_data "
                + "FROM recon_x12_claim_sending WHERE job_instance_id = ? ORDER BY sending", (rs, i) -> rs.getLong(1)
                        + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getLong(4) + "|" + rs.getBoolean(5)
                        + "|" + Arrays.toString(rs.getBytes(6)), instance);
        return new Outcome(staged, rows, rejected);
    }

    @Test
    void theRealClaimFilesStagedOnTwoThreadsAreWhatOneThreadStages() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("input-samples/x12/837"))) {
            s.sorted().forEach(files::add);
        }
        for (String name : List.of("j3490-inst.837", "j3490-prof-1.837", "j3490-prof-2-corrected.837",
                "claim-lines.csv")) {
            Path copy = dir.resolve(name);
            Files.copy(Path.of("src/test/resources/x12/synthetic", name), copy);
            files.add(copy);
        }
        Path second = dir.resolve("claim-lines-2.csv"); // a CSV after the 837s, with rows of its own to reject
        Files.writeString(second, "claim_id,line_number,procedure_code,modifiers,service_date,billed_amount,units_billed,"
                + "ndc,ndc_quantity,ndc_unit,drug_name,patient_name\n"
                + "C700,1,J3490,,2026-11-03,90.00,1,55555555555,1,ML,DRUG C2,\n"
                + "C701,1,J3490,,2026-13-01,10.00,1,,,,,\n"
                + "C702,1,J3490,,2026-11-03,ten,1,,,,,\n");
        files.add(second);

        Outcome one = stage(1, StagedClaims.files(files), 1);
        Outcome two = stage(2, StagedClaims.files(files), 2);

        assertEquals(one, two);
        assertTrue(one.staged().claimLines() > 10, "the files have target lines: " + one.staged());
        assertEquals(3, one.rejected().size(), "one bad row in claim-lines.csv, two in claim-lines-2.csv");
        assertEquals(List.of("claim-lines.csv", "claim-lines-2.csv", "claim-lines-2.csv"),
                one.rejected().stream().map(RowRejection::file).toList(), "in file order");
        assertSameJoins(one.rows());
    }

    @Test
    void partsOfAnySizeStagedOnTwoThreadsAreWhatOneThreadStagesWithResentClaimsAcrossThem() {
        // uneven parts (several insert batches, a tiny one between them), claims sent again in later
        // and earlier files with later, earlier and equal BHT stamps, versions without target lines
        int[] sizes = {5200, 40, 2000, 1, 900};
        List<StagedClaims.Part> parts = new ArrayList<>();
        for (int p = 0; p < sizes.length; p++) {
            int part = p;
            int size = sizes[p];
            parts.add((sink, rejected) -> {
                for (int i = 0; i < size; i++) {
                    String id = "C" + (i * 7 + part * 3) % 4000;
                    String stamp = "202610" + (10 + (i + part) % 5) + "0800";
                    String code = (i + part) % 11 == 0 ? "96372" : "J3490";
                    List<ClaimLine> lines = List.of(StagedClaimsTest.line(id, "1", code, String.valueOf(part + 1), "P" + part),
                            StagedClaimsTest.line(id, "2", "J3490", "7", "P" + part + "-" + i));
                    sink.offer(id, new ClaimVersion(stamp, part), lines);
                    if (i % 2500 == 0) {
                        rejected.accept(new RowRejection("part-" + part, i, "bad row", "raw"));
                    }
                }
            });
        }

        Outcome one = stage(1, parts, 1);
        Outcome two = stage(2, parts, 2);
        Outcome four = stage(3, parts, 4);

        assertEquals(one, two);
        assertEquals(one, four);
        assertEquals(Arrays.stream(sizes).sum(), one.staged().sendings());
        assertEquals(latestTargetLines(one.rows()), one.staged().claimLines(), "the latest sending of each claim counts");
        assertEquals(Long.valueOf(1L << 32), jdbc.queryForObject("SELECT MIN(sending) FROM recon_x12_claim_sending "
                + "WHERE job_instance_id = 2 AND sending > 5199", Long.class), "the second file's first sending");
        assertSameJoins(one.rows());
    }

    @Test
    void eachFilesLinesAreNumberedAfterTheLinesOfTheFilesBeforeItAsOneThreadNumbersThem() {
        List<StagedClaims.Part> parts = List.of(
                (sink, rejected) -> {
                    sink.offer("C1", new ClaimVersion("", 0), List.of(StagedClaimsTest.line("C1", "1", "J3490", "1", "A"),
                            StagedClaimsTest.line("C1", "2", "96372", "1", "B"), StagedClaimsTest.line("C1", "3", "J3490", "1", "C")));
                    sink.offer("C2", new ClaimVersion("", 0), List.of(StagedClaimsTest.line("C2", "1", "J3490", "1", "D")));
                },
                (sink, rejected) -> { }, // an empty file
                (sink, rejected) -> sink.offer("C3", new ClaimVersion("", 2), List.of(
                        StagedClaimsTest.line("C3", "1", "J3490", "1", "E"), StagedClaimsTest.line("C3", "2", "J3490", "1", "F"))));
        StagedClaims.Staged staged = store.stage(1, parts, r -> { }, TARGET, 2, tx);
        assertEquals(new StagedClaims.Staged(3, 5, 5), staged);
        StagedClaims.Lookup claims = store.lookup(1);
        claims.join("C3", "2", null, null, null);
        claims.join("C1", "3", null, null, null);
        assertEquals("{1, 4}", claims.joinedLines().toString(), "C1's second target line, C3's second (3 lines before it)");
        assertEquals(3, claims.unjoinedLineCount());
    }

    @Test
    void aFailingFileFailsTheStagingWithTheFirstFailureInFileOrderAndLeavesTheRunUnstaged() {
        List<StagedClaims.Part> parts = List.of(
                (sink, rejected) -> sink.offer("C1", new ClaimVersion("", 0), List.of(StagedClaimsTest.line("C1", "1",
                        "J3490", "1", "A"))),
                (sink, rejected) -> {
                    sink.offer("C2", new ClaimVersion("", 1), List.of());
                    throw new X12FormatException("file 1 is broken");
                },
                (sink, rejected) -> sink.offer("C3", new ClaimVersion("", 2), List.of()),
                (sink, rejected) -> {
                    throw new X12FormatException("file 3 is broken");
                });
        for (int threads : new int[] {1, 2}) {
            X12FormatException e = assertThrows(X12FormatException.class,
                    () -> store.stage(1, parts, r -> { }, TARGET, threads, tx));
            assertEquals("file 1 is broken", e.getMessage(), threads + " thread(s)");
            assertFalse(store.isStaged(1));
            assertNull(store.lookup(1));
        }
    }

    /** Every target line of every claim staged by run 1 and run 2 joins alike, and the lines left unjoined count alike. */
    private void assertSameJoins(List<String> rows) {
        StagedClaims.Lookup one = store.lookup(1);
        StagedClaims.Lookup two = store.lookup(2);
        List<String> ids = List.copyOf(new LinkedHashSet<>(rows.stream().map(r -> r.split("\\|")[1]).toList()));
        one.prepare(ids);
        two.prepare(ids);
        int joined = 0;
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            for (String ref : List.of("1", "2")) {
                if ((i + ref.hashCode()) % 3 == 0) {
                    continue; // some lines stay unjoined
                }
                Optional<ClaimLine> a = one.join(id, ref, null, null, null);
                assertEquals(a, two.join(id, ref, null, null, null), id + " line " + ref);
                joined += a.isPresent() ? 1 : 0;
            }
        }
        assertTrue(joined > 0);
        assertEquals(one.lineCount(), two.lineCount());
        assertEquals(one.unjoinedLineCount(), two.unjoinedLineCount());
        assertEquals(one.joinedLines(), two.joinedLines(), "the same lines by the same numbers");
        assertEquals(one.lineCount() - joined, one.unjoinedLineCount(), "each joined line counted once");
    }

    /** The rule in memory over the staged rows: per claim, the target lines of its latest sending. */
    private static long latestTargetLines(List<String> rows) {
        Map<String, String[]> latest = new HashMap<>();
        for (String row : rows) {
            String[] r = row.split("\\|");
            String[] before = latest.get(r[1]);
            if (before == null || r[2].compareTo(before[2]) >= 0) { // rows are in reading order: ties go to the later
                latest.put(r[1], r);
            }
        }
        return latest.values().stream().filter(r -> !r[5].equals("null"))
                .mapToLong(r -> StagedClaims.decode(r[1], bytes(r[5])).size()).sum();
    }

    private static byte[] bytes(String text) {
        String[] values = text.substring(1, text.length() - 1).split(", ");
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = Byte.parseByte(values[i]);
        }
        return bytes;
    }
}
