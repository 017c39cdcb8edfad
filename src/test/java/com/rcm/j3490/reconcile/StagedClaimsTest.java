package com.rcm.j3490.reconcile;

import static org.junit.jupiter.api.Assertions.*;

import com.rcm.j3490.input.x12.ClaimLine;
import com.rcm.j3490.input.x12.ClaimSink;
import com.rcm.j3490.input.x12.ClaimVersion;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.transaction.support.TransactionTemplate;

/** The join of contract 5.3 over claims staged in the job's database (what the job uses). */
class StagedClaimsTest {
    static final LocalDate DOS = LocalDate.of(2026, 11, 1);
    private static int databases;

    private StagedClaims store;
    private JdbcTemplate jdbc;
    private TransactionTemplate tx;

    /** A new in-memory database with the job's staging schema. */
    static synchronized JdbcDataSource database() throws java.sql.SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:staged-claims-" + databases++ + ";DB_CLOSE_DELAY=-1");
        try (Connection c = ds.getConnection()) {
            ScriptUtils.executeSqlScript(c, new ClassPathResource("db/recon-schema.sql"));
        }
        return ds;
    }

    @BeforeEach
    void openDatabase() throws Exception {
        JdbcDataSource ds = database();
        jdbc = new JdbcTemplate(ds);
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        store = new StagedClaims(jdbc);
    }

    static ClaimLine line(String claim, String ref, String code, String charge, String ndc) {
        return new ClaimLine(claim, ref, code, null, "DRUG " + ndc, new BigDecimal(charge), "1", DOS, ndc, "2", "ML",
                "DOE, JANE");
    }

    /** Stages the sendings in order, run 1. */
    private StagedClaims.Lookup stage(Consumer<ClaimSink> sendings) {
        store.stage(1, sendings, Set.of("J3490"), tx);
        return store.lookup(1);
    }

    private StagedClaims.Lookup stageOne(ClaimLine... lines) {
        return stage(sink -> sink.offer("C1", new ClaimVersion("2026110112000000", 0), List.of(lines)));
    }

    static String ndc(Optional<ClaimLine> joined) {
        return joined.map(ClaimLine::ndc).orElse(null);
    }

    @Test
    void step1SameRef6rIgnoringCaseAndTheLineComesBackWhole() {
        ClaimLine a = line("C1", "Ab-1", "J3490", "100", "A");
        StagedClaims.Lookup claims = stageOne(a, line("C1", "ab-2", "J3490", "100", "B"));
        assertEquals("B", ndc(claims.join("C1", "AB-2", "J3490", DOS, new BigDecimal("100"))));
        assertEquals(Optional.of(a), claims.join("C1", "ab-1", null, null, null), "every field of the claim line");
    }

    @Test
    void step2OnlyLineWithSameCodeDateAndChargeIgnoringSignAndStep3None() {
        StagedClaims.Lookup claims = stageOne(line("C1", "1", "J3490", "100", "A"), line("C1", "2", "J3490", "50", "B"),
                line("C1", "3", "J3490", "70", "C"), line("C1", "4", "J3490", "70", "D"));
        assertEquals("B", ndc(claims.join("C1", null, "j3490", DOS, new BigDecimal("-50"))));
        assertEquals("A", ndc(claims.join("C1", "X9", "J3490", DOS, new BigDecimal("100.00"))),
                "a REF*6R no line has falls to step 2");
        assertNull(ndc(claims.join("C1", "01", "J3490", DOS, new BigDecimal("70"))), "01 is not 1; two lines of 70");
        assertNull(ndc(claims.join("C1", null, "J3490", DOS.plusDays(1), new BigDecimal("50"))), "another date");
        assertNull(ndc(claims.join("C2", null, "J3490", DOS, new BigDecimal("50"))), "a claim never sent");
        assertNull(ndc(claims.join(null, "1", "J3490", DOS, new BigDecimal("100"))));
    }

    @Test
    void aDuplicateRef6rOnAnyLineMakesTheWholeClaimAmbiguousAndItsLinesUnjoined() {
        StagedClaims.Lookup claims = stageOne(line("C1", "L1", "J3490", "100", "A"), line("C1", "l1", "96372", "40", "B"),
                line("C1", "L2", "J3490", "70", "C"));
        assertTrue(claims.join("C1", "L2", "J3490", DOS, new BigDecimal("70")).isEmpty());
        assertTrue(claims.join("C1", null, "J3490", DOS, new BigDecimal("70")).isEmpty());
        assertEquals(2, claims.lineCount(), "only target-code lines are kept");
        assertEquals(2, claims.unjoinedLineCount());
    }

    @Test
    void theLatestBhtWinsThenTheLaterSendingAndAVersionWithoutTargetLinesRemovesTheClaimInAnyOrder() {
        StagedClaims.Lookup claims = stage(sink -> {
            sink.offer("C1", ClaimVersion.of("20261002", "0800", 0), List.of(line("C1", "1", "J3490", "100", "NEW")));
            sink.offer("C1", ClaimVersion.of("20261001", "2359", 1), List.of(line("C1", "1", "J3490", "100", "OLD")));
            sink.offer("C2", ClaimVersion.of("20261002", "0800", 0), List.of(line("C2", "1", "J3490", "100", "FIRST")));
            sink.offer("C2", ClaimVersion.of("20261002", "0800", 1), List.of(line("C2", "1", "J3490", "100", "LATER-FILE"),
                    line("C2", "2", "J3490", "30", "LATER-FILE-2")));
            // a later version without target lines, read before an older one with them
            sink.offer("C3", ClaimVersion.of("20261005", "", 0), List.of(line("C3", "1", "96372", "40", "X")));
            sink.offer("C3", ClaimVersion.of("20261001", "", 1), List.of(line("C3", "1", "J3490", "40", "OLD")));
            sink.offer("C4", ClaimVersion.of("20261001", "", 0), List.of(line("C4", "1", "J3490", "40", "GONE")));
            sink.offer("C4", ClaimVersion.of("20261002", "", 1), List.of(line("C4", "1", "96372", "40", "X")));
        });
        claims.prepare(List.of("C1", "C2", "C3", "C4"));
        assertEquals("NEW", ndc(claims.join("C1", "1", null, null, null)));
        assertEquals("LATER-FILE", ndc(claims.join("C2", "1", null, null, null)));
        assertNull(ndc(claims.join("C3", "1", "J3490", DOS, new BigDecimal("40"))));
        assertNull(ndc(claims.join("C4", "1", "J3490", DOS, new BigDecimal("40"))));
        assertEquals(3, claims.lineCount(), "C1's one line and C2's two lines of their latest versions");
        assertEquals(1, claims.unjoinedLineCount(), "C2's second line");
    }

    @Test
    void aClaimLineJoinedTwiceCountsOnceAndEachReadingPassKeepsItsOwnBookkeeping() {
        StagedClaims.Lookup first = stageOne(line("C1", "1", "J3490", "100", "A"), line("C1", "2", "J3490", "50", "B"));
        assertEquals("A", ndc(first.join("C1", "1", "J3490", DOS, new BigDecimal("100"))));
        assertEquals("A", ndc(first.join("C1", null, "J3490", DOS, new BigDecimal("-100"))), "the reversal joins it too");
        assertEquals(2, first.lineCount());
        assertEquals(1, first.unjoinedLineCount(), "joined twice, counted once");

        StagedClaims.Lookup replay = store.lookup(1);
        assertEquals(2, replay.unjoinedLineCount(), "a new pass (a restart's replay) starts from nothing joined");
        replay.join("C1", "1", null, null, null);
        assertEquals(1, replay.unjoinedLineCount());
    }

    @Test
    void claimsAreLookedUpPerBatchOfAnyLengthAndOneAtATimeWhenNotAnnounced() {
        List<String> ids = new ArrayList<>();
        StagedClaims.Lookup claims = stage(sink -> {
            for (int i = 0; i < 600; i++) {
                String id = "C" + i;
                ids.add(id);
                sink.offer(id, new ClaimVersion("", 0), List.of(line(id, "1", "J3490", String.valueOf(i + 1), id)));
            }
        });
        claims.prepare(ids.subList(0, 590));
        for (int i = 0; i < 600; i++) {
            assertEquals("C" + i, ndc(claims.join("C" + i, null, "J3490", DOS, new BigDecimal(i + 1))), "claim " + i);
        }
        assertEquals(600, claims.lineCount());
        assertEquals(0, claims.unjoinedLineCount());
    }

    @Test
    void noClaimsGivenIsNoLookupAndStagingAgainReplacesTheRunsClaims() {
        assertNull(store.lookup(1));
        stageOne(line("C1", "1", "J3490", "100", "A"));
        StagedClaims.Lookup again = stage(sink -> sink.offer("C9", new ClaimVersion("", 0),
                List.of(line("C9", "1", "J3490", "10", "Z"))));
        assertTrue(again.join("C1", "1", null, null, null).isEmpty(), "the first staging is gone");
        assertEquals("Z", ndc(again.join("C9", "1", null, null, null)));
        assertEquals(1, again.lineCount());
        store.delete(1);
        assertNull(store.lookup(1));
        assertFalse(store.isStaged(1));
    }

    @Test
    void aLineWithoutOptionalValuesSurvivesTheRoundTrip() {
        ClaimLine bare = new ClaimLine("C1", null, "J3490", null, null, null, null, null, null, null, null, null);
        ClaimLine full = new ClaimLine("C1", "Ref", "J3490", "JW:KX", "DRUG 10 MG ñ", new BigDecimal("-12.50"), "1.5",
                DOS, "00409-1234-01", "0.5", "ML", "DOE, JANE");
        assertEquals(List.of(bare, full), StagedClaims.decode("C1", StagedClaims.encode(List.of(bare, full))));
    }
}
