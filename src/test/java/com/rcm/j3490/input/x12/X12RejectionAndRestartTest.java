package com.rcm.j3490.input.x12;

import static org.junit.jupiter.api.Assertions.*;

import com.rcm.j3490.input.RowRejectedException;
import com.rcm.j3490.rules.Flag;
import com.rcm.j3490.rules.FlagEvaluator;
import com.rcm.j3490.rules.NdcReading;
import com.rcm.j3490.rules.RemittanceLine;
import com.rcm.j3490.rules.Status;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class X12RejectionAndRestartTest {
    static final String HEAD = "ST*835*1~BPR*I*0*C*CHK~TRN*1*CK*PAY~N1*PR*P*XV*PID~CLP*C1*1*100*0~";

    static List<X12ServiceLine> read(String text, RemittanceListener listener) {
        List<X12ServiceLine> lines = new ArrayList<>();
        InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        try (Remittance835Reader reader = new Remittance835Reader(X12SegmentReader.open(in, "r.835"), null, listener)) {
            X12ServiceLine line;
            while ((line = reader.next()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    static String reason(X12ServiceLine line) {
        return assertThrows(RowRejectedException.class, line::parse).getMessage();
    }

    @Test
    void serviceLoopWithoutSvc03IsRejectedNamingTheSegment() {
        String reason = reason(read(HEAD + "SVC*HC:J3490*100~DTM*472*20261101~SE*7*1~", null).get(0));
        assertEquals("SVC segment 6 lacks SVC03 (line payment)", reason);
    }

    @Test
    void casWithTooFewElementsRejectsTheLoop() {
        String reason = reason(read(HEAD + "SVC*HC:J3490*100*0~DTM*472*20261101~CAS*CO~SE*8*1~", null).get(0));
        assertTrue(reason.startsWith("CAS segment 8 has too few elements"), reason);
    }

    @Test
    void badAmountAndBadDateAreRejectedByTheCsvRowParser() {
        List<X12ServiceLine> lines = read(HEAD + "SVC*HC:J3490*1O0*0~DTM*472*20261101~SVC*HC:J3490*100*0~DTM*472*20261341~SE*9*1~", null);
        assertTrue(reason(lines.get(0)).contains("billed_amount"));
        assertTrue(reason(lines.get(1)).contains("service_date"));
        assertEquals(2, lines.get(1).ordinal(), "rejected loops count in the ordinal");
    }

    @Test
    void aBrokenSegmentInsideALoopRejectsItAndTheFileReadsOn() {
        List<X12ServiceLine> lines = read(HEAD + "SVC*HC:J3490*100*0~DTM*472*20261101~broken text*~SVC*HC:J3490*100*100~DTM*472*20261101~SE*10*1~", null);
        assertEquals("segment 8 is not a valid X12 segment", reason(lines.get(0)));
        assertEquals("C1", lines.get(1).parse().claimId());
    }

    /** An 835 is not CSV: a quote in a value is data (a CSV row with a stray quote is rejected, section 1). */
    @Test
    void aQuoteInAnX12ValueIsDataNotAStrayCsvQuote() {
        String head = HEAD.replace("N1*PR*P*XV*PID~", "N1*PR*ACME \"BEST\" PLAN*XV*PID~");
        List<X12ServiceLine> lines = read(head + "SVC*HC:J3490*100*100~DTM*472*20261101~SE*7*1~", null);
        assertEquals("ACME \"BEST\" PLAN", lines.get(0).parse().payerName());
        var item = com.rcm.j3490.reconcile.RemittanceItem.of(1, 0, lines.get(0));
        assertEquals("ACME \"BEST\" PLAN", item.parse().payerName(), "read back from the spill, the same");
        // the same value in a CSV row is still a stray quote
        var csv = new com.rcm.j3490.input.CsvRecord("r.csv", 2, lines.get(0).record().fields(), "C1,\"ACME \"BEST\"...",
                lines.get(0).record().header());
        assertTrue(assertThrows(RowRejectedException.class, () -> new com.rcm.j3490.reconcile.RemittanceItem(1, 0, csv, 1)
                .parse()).getMessage().startsWith("a quote inside an unquoted field"));
    }

    @Test
    void outOfBalanceServiceLineIsFlaggedByTheExistingFlagEvaluator() {
        RemittanceLine line = read(HEAD + "SVC*HC:J3490:JZ*100*50~DTM*472*20261101~CAS*CO*45*40~SE*8*1~", null).get(0).parse();
        assertTrue(FlagEvaluator.evaluate(line, new NdcReading.Missing(), null, null, null, Status.NO_EXPECTED, false)
                .contains(Flag.OUT_OF_BALANCE));
    }

    @Test
    void severalTransactionSetsInTheTrimmedIsaSampleAreAllBalanced() {
        RemittanceSummary summary = new RemittanceSummary();
        try (InputStream in = getClass().getResourceAsStream("/x12/public/affect-therapeutics__nevada_medicaid.txt");
                Remittance835Reader reader = new Remittance835Reader(X12SegmentReader.open(in, "nv.txt"), null, summary)) {
            while (reader.next() != null) {
                // drain
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(3, summary.transactions().size());
        assertTrue(summary.transactions().stream().allMatch(TransactionBalance::transactionBalances));
        assertTrue(summary.providerAdjustments().stream().anyMatch(p -> p.reason().equals("CT")));
    }

    @Test
    void readingAgainAndSkippingNItemsGivesTheSameItemsAsReadingOn() {
        String text = HEAD + "SVC*HC:J3490*100*0~DTM*472*20261101~SVC*HC:J3490*50*0~DTM*472*20261101~CLP*C1*1*10*10~SVC*HC:J3490*10*10~DTM*472*20261101~SE*12*1~";
        List<X12ServiceLine> all = read(text, null);
        InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        try (Remittance835Reader reader = new Remittance835Reader(X12SegmentReader.open(in, "r.835"), null, null)) {
            reader.next();
            reader.next();
            X12ServiceLine third = reader.next();
            assertEquals(all.get(2).record().line(), third.record().line());
            assertEquals(3, third.ordinal(), "ordinal of C1 across its two CLP loops in the file");
            assertNull(reader.next());
        }
    }
}
