package com.rcm.j3490.input.x12;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every step of the join (contract 5.3). */
class ClaimLineIndexTest {
    static final LocalDate DOS = LocalDate.of(2026, 11, 1);

    static ClaimLine line(String ref, String code, String charge, String ndc) {
        return new ClaimLine("C1", ref, code, null, null, new BigDecimal(charge), "1", DOS, ndc, null, null, null);
    }

    static ClaimLineIndex index(ClaimLine... lines) {
        ClaimLineIndex index = new ClaimLineIndex(Set.of("J3490"));
        index.offer("C1", new ClaimVersion("2026110112000000", 0), List.of(lines));
        return index;
    }

    static String ndc(Optional<ClaimLine> joined) {
        return joined.map(ClaimLine::ndc).orElse(null);
    }

    @Test
    void step1SameRef6rIgnoringCase() {
        ClaimLineIndex index = index(line("Ab-1", "J3490", "100", "A"), line("ab-2", "J3490", "100", "B"));
        assertEquals("B", ndc(index.join("C1", "AB-2", "J3490", DOS, new BigDecimal("100"))));
    }

    @Test
    void step1RefIsNotNormalisedOtherwise() {
        ClaimLineIndex index = index(line("1", "J3490", "100", "A"), line("2", "J3490", "100", "B"));
        assertNull(ndc(index.join("C1", "01", "J3490", DOS, new BigDecimal("100"))),
                "01 is not 1, and code+date+charge matches two lines");
    }

    @Test
    void step2OnlyLineWithSameCodeDateAndChargeIgnoringSign() {
        ClaimLineIndex index = index(line("1", "J3490", "100", "A"), line("2", "J3490", "50", "B"));
        assertEquals("B", ndc(index.join("C1", null, "j3490", DOS, new BigDecimal("-50"))));
        assertEquals("A", ndc(index.join("C1", "X9", "J3490", DOS, new BigDecimal("100.00"))), "a REF*6R no line has falls to step 2");
        assertNull(ndc(index.join("C1", null, "J3490", DOS.plusDays(1), new BigDecimal("50"))));
        assertNull(ndc(index.join("C2", null, "J3490", DOS, new BigDecimal("50"))), "another claim");
    }

    @Test
    void step3NoneWhenCodeDateAndChargeAreNotUnique() {
        ClaimLineIndex index = index(line("1", "J3490", "100", "A"), line("2", "J3490", "100", "B"));
        assertTrue(index.join("C1", null, "J3490", DOS, new BigDecimal("100")).isEmpty());
    }

    @Test
    void duplicateRef6rMakesTheWholeClaimAmbiguous() {
        ClaimLineIndex index = index(line("L1", "J3490", "100", "A"), line("l1", "96372", "40", "B"),
                line("L2", "J3490", "70", "C"));
        assertTrue(index.join("C1", "L2", "J3490", DOS, new BigDecimal("70")).isEmpty());
        assertTrue(index.join("C1", null, "J3490", DOS, new BigDecimal("70")).isEmpty());
        assertEquals(2, index.unjoinedLineCount());
    }

    @Test
    void latestBhtWinsThenLaterFileAndAVersionWithoutTargetLinesRemovesTheClaim() {
        ClaimLineIndex index = new ClaimLineIndex(Set.of("J3490"));
        index.offer("C1", ClaimVersion.of("20261002", "0800", 1), List.of(line("1", "J3490", "100", "NEW")));
        index.offer("C1", ClaimVersion.of("20261001", "2359", 2), List.of(line("1", "J3490", "100", "OLDER-BHT")));
        assertEquals("NEW", ndc(index.join("C1", "1", null, null, null)));
        index.offer("C1", ClaimVersion.of("20261002", "0800", 3), List.of(line("1", "J3490", "100", "SAME-BHT-LATER-FILE")));
        assertEquals("SAME-BHT-LATER-FILE", ndc(index.join("C1", "1", null, null, null)));
        index.offer("C1", ClaimVersion.of("20261003", "", 4), List.of(line("1", "96372", "100", "X")));
        assertTrue(index.isEmpty());
    }

    @Test
    void onlyClaimsWithATargetLineAreKept() {
        ClaimLineIndex index = new ClaimLineIndex(Set.of("J3490"));
        index.offer("C9", new ClaimVersion("", 0), List.of(line("1", "96372", "40", "X")));
        assertTrue(index.isEmpty());
    }

    @Test
    void x12IsRecognisedByItsFirstNonBlankCharacters() {
        assertTrue(X12Files.isX12("\n  ISA*00*".getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(X12Files.isX12("\uFEFFST*835*1~".getBytes(StandardCharsets.UTF_8)));
        assertTrue(X12Files.isX12("ST|837|1~".getBytes(StandardCharsets.UTF_8)));
        assertFalse(X12Files.isX12("claim_id,payer_id\n".getBytes(StandardCharsets.UTF_8)));
        assertFalse(X12Files.isX12("ST*999*1~".getBytes(StandardCharsets.UTF_8)));
    }
}
