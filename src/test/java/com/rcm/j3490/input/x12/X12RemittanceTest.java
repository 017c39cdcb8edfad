package com.rcm.j3490.input.x12;

import static org.junit.jupiter.api.Assertions.*;

import com.rcm.j3490.input.RowRejectedException;
import com.rcm.j3490.input.RowRejection;
import com.rcm.j3490.rules.Adjustment;
import com.rcm.j3490.rules.Flag;
import com.rcm.j3490.rules.RemittanceLine;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Synthetic J3490 835 + 837P + 837I fixtures (no real patient data): mapping 5.2, join 5.3, balancing. */
class X12RemittanceTest {
    static Path fixture(String name) {
        try {
            return Path.of(X12RemittanceTest.class.getResource("/x12/synthetic/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ClaimLineIndex claims() {
        ClaimLineIndex index = new ClaimLineIndex(Set.of("J3490"));
        Claim837Reader.read(fixture("j3490-inst.837"), 0, index);
        Claim837Reader.read(fixture("j3490-prof-1.837"), 1, index);
        Claim837Reader.read(fixture("j3490-prof-2-corrected.837"), 2, index);
        return index;
    }

    static List<X12ServiceLine> read(String name, ClaimLineIndex claims, RemittanceListener listener) {
        List<X12ServiceLine> lines = new ArrayList<>();
        try (Remittance835Reader reader = Remittance835Reader.open(fixture(name), claims, listener)) {
            X12ServiceLine line;
            while ((line = reader.next()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void mapsEveryFieldOfAServiceLineAndJoinsItsClaimLineByRef6rIgnoringCase() {
        ClaimLineIndex index = claims();
        List<X12ServiceLine> lines = read("j3490-night.835", index, null);
        assertEquals(8, lines.size());
        RemittanceLine l = lines.get(0).parse();
        assertEquals("C100", l.claimId());
        assertEquals("PAYER2U", l.payerId(), "REF*2U wins over N104");
        assertEquals("SYNTHETIC HEALTH PLAN", l.payerName());
        assertEquals("CHK1", l.checkNumber());
        assertEquals(LocalDate.of(2026, 11, 6), l.paymentDate());
        assertEquals("1", l.claimStatus());
        assertEquals("PCN100", l.payerClaimNumber());
        assertEquals("TESTPATIENT, ALPHA", l.patientName());
        assertEquals("J3490", l.procedureCode());
        assertEquals(List.of("JW"), l.modifiers());
        assertEquals(0, new BigDecimal("200").compareTo(l.billedAmount()));
        assertEquals(0, new BigDecimal("130").compareTo(l.paidAmount()));
        assertEquals(0, BigDecimal.ONE.compareTo(l.unitsPaid()));
        assertEquals(0, BigDecimal.ONE.compareTo(l.unitsBilled()));
        assertEquals(LocalDate.of(2026, 11, 1), l.serviceDate());
        assertEquals("l1", l.lineNumber(), "the 835's own REF*6R, as sent");
        assertEquals(List.of(new Adjustment("CO", "45", new BigDecimal("70"), null)), l.adjustments());
        assertEquals(0, new BigDecimal("130").compareTo(l.allowedAmount()));
        assertEquals(List.of("M119", "N350"), l.remarkCodes());
        assertEquals("00002123401", l.ndc(), "joined 837 line L1 (LIN03)");
        assertEquals("DRUG A 10 MG/ML INJ", l.drugName());
        assertEquals(0, new BigDecimal("2.5").compareTo(l.ndcQuantity()));
        assertEquals("ML", l.ndcUnit());
        assertEquals(Set.of(Flag.CLAIM_ADJUSTMENT), lines.get(0).flags(), "claim-level CAS flags the line");
        assertEquals(14, lines.get(0).record().line(), "position of the SVC segment");
        assertTrue(lines.get(0).record().raw().startsWith("SVC*HC:J3490:JW*200*130**1~DTM*472*20261101~"));
    }

    @Test
    void joinsByCodeDateAndChargeWhenTheLineHasNoRef6rAndTakesTheClaimLinesRef() {
        RemittanceLine l = read("j3490-night.835", claims(), null).get(1).parse();
        assertEquals("L2", l.lineNumber());
        assertEquals("00002-1234-01", l.ndc());
        assertEquals(List.of("JZ"), l.modifiers());
    }

    @Test
    void reversalAndCorrectionBothJoinTheLatestVersionOfACorrectedClaim() {
        List<X12ServiceLine> lines = read("j3490-night.835", claims(), null);
        RemittanceLine reversal = lines.get(2).parse();
        RemittanceLine correction = lines.get(3).parse();
        assertEquals("22", reversal.claimStatus());
        assertEquals(0, new BigDecimal("-80").compareTo(reversal.paidAmount()));
        assertEquals(0, BigDecimal.ONE.compareTo(reversal.unitsPaid()), "absolute value");
        assertEquals("22222222222", reversal.ndc(), "BHT of the corrected claim is later");
        assertEquals("CORRECTED DESCRIPTION", correction.drugName());
        assertEquals("TESTSUBSCRIBER, GAMMA", correction.patientName(), "no NM1*QC in the 835 or 837: NM1*IL");
    }

    @Test
    void svc06IsTheCodeAsBilledAndAnInstitutionalLineJoinsOnTheStatementStart() {
        X12ServiceLine item = read("j3490-night.835", claims(), null).get(4);
        RemittanceLine l = item.parse();
        assertEquals("J3490", l.procedureCode());
        assertEquals(List.of("JZ"), l.modifiers());
        assertEquals(0, new BigDecimal("3").compareTo(l.unitsBilled()), "SVC07");
        assertEquals(0, new BigDecimal("2").compareTo(l.unitsPaid()));
        assertEquals("33333333333", l.ndc());
        assertEquals("DRUG B 5 MG VIAL", l.drugName());
        assertEquals("1", l.lineNumber(), "837I line has no REF*6R: the 835 ordinal");
    }

    @Test
    void aQualifierOtherThanHcLeavesTheCodeBlankAndTheRowIsRejectedWithItsSegments() {
        X12ServiceLine item = read("j3490-night.835", claims(), null).get(5);
        RowRejectedException e = assertThrows(RowRejectedException.class, item::parse);
        assertTrue(e.getMessage().contains("procedure_code"), e.getMessage());
        RowRejection r = item.rejection(e.getMessage());
        assertEquals("j3490-night.835", r.file());
        assertEquals(39, r.line());
        assertEquals("SVC*N4:12345678901*60*0**1~DTM*472*20261101~CAS*CO*16*60~LQ*HE*M119~", r.rawRow());
    }

    @Test
    void secondTransactionSetUsesN104Dtm150AndClaimDtm232AndFlagsUnjoinedLines() {
        List<X12ServiceLine> lines = read("j3490-night.835", claims(), null);
        RemittanceLine first = lines.get(6).parse();
        RemittanceLine second = lines.get(7).parse();
        assertEquals("PAYERX", first.payerId());
        assertEquals("CHK2", first.checkNumber());
        assertEquals(LocalDate.of(2026, 11, 3), first.serviceDate(), "DTM*150");
        assertEquals(LocalDate.of(2026, 11, 5), second.serviceDate(), "claim DTM*232");
        assertEquals("1", first.lineNumber());
        assertEquals("2", second.lineNumber(), "ordinal among the SVC loops of C500");
        assertEquals(Set.of(Flag.CLAIM_LINE_NOT_FOUND), lines.get(6).flags());
    }

    @Test
    void withoutClaimsNoLineIsFlaggedClaimLineNotFound() {
        List<X12ServiceLine> lines = read("j3490-night.835", null, null);
        assertTrue(lines.stream().noneMatch(l -> l.flags().contains(Flag.CLAIM_LINE_NOT_FOUND)));
        assertNull(lines.get(0).parse().ndc());
    }

    @Test
    void balancingClaimCasAndPlbAreCollectedPerTransactionSet() {
        RemittanceSummary summary = new RemittanceSummary();
        read("j3490-night.835", claims(), summary);
        List<TransactionBalance> sets = summary.transactions();
        assertEquals(2, sets.size());
        TransactionBalance first = sets.get(0);
        assertEquals(0, new BigDecimal("250").compareTo(first.claimPaidTotal()));
        assertEquals(0, new BigDecimal("10").compareTo(first.providerAdjustmentTotal()));
        assertTrue(first.transactionBalances(), "250 - 10 = BPR02 240");
        assertTrue(first.claimsBalance());
        assertTrue(first.serviceLinesBalance());
        assertEquals(List.of(new ProviderAdjustment("j3490-night.835", "CHK1", "PAYER2U", "1234567893", "20261231", "L6", "INT1",
                new BigDecimal("-5")), new ProviderAdjustment("j3490-night.835", "CHK1", "PAYER2U", "1234567893", "20261231", "WO",
                "REC9", new BigDecimal("15"))), summary.providerAdjustments());
        assertEquals(List.of(new ClaimAdjustment("j3490-night.835", "CHK1", "PAYER2U", "C100", "CO", "45", new BigDecimal("10"), null)),
                summary.claimAdjustments());
        TransactionBalance second = sets.get(1);
        assertTrue(second.transactionBalances());
        assertEquals(1, second.unbalancedClaims().size(), "C500: 100 - 0 != 50");
        assertEquals("C500", second.unbalancedClaims().get(0).claimId());
        assertEquals(0, new BigDecimal("50").compareTo(second.unbalancedClaims().get(0).difference()));
        assertEquals(1, second.unbalancedServiceLines());
    }

    @Test
    void reads4010WithN104AsPayerAndABareTransactionSetWithTrn03() {
        ClaimLineIndex index = new ClaimLineIndex(Set.of("J3490"));
        List<RowRejection> rejected = new ArrayList<>();
        ClaimLinesCsvReader.read(fixture("claim-lines.csv"), 0, index, rejected::add);
        RemittanceLine legacy = read("j3490-4010.835", index, null).get(0).parse();
        assertEquals("P4010", legacy.payerId());
        assertEquals("44444444444", legacy.ndc(), "joined from the claim-lines CSV by code + date + charge");
        assertEquals("1", legacy.lineNumber(), "the CSV claim line's line_number");
        assertEquals("DRUG C", legacy.drugName());
        assertEquals(1, rejected.size(), "bad date rejects the CSV row");
        assertEquals(4, rejected.get(0).line());
        RemittanceLine bare = read("j3490-bare.835", null, null).get(0).parse();
        assertEquals("1666666666", bare.payerId());
        assertEquals("CHKBARE", bare.checkNumber());
    }

    @Test
    void unjoinedClaimLinesAreCounted() {
        ClaimLineIndex index = claims();
        assertEquals(4, index.lineCount(), "C100 L1, L2; C200 L1 (corrected); C300 1 — the 96372 line is not kept");
        read("j3490-night.835", index, null);
        assertEquals(0, index.unjoinedLineCount());
        assertEquals(4, claims().unjoinedLineCount());
    }
}
