package com.rcm.j3490.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.rcm.j3490.backlog.ItemKey;
import com.rcm.j3490.backlog.TeamColumns;
import com.rcm.j3490.backlog.WorkItem;
import com.rcm.j3490.backlog.WorkStatus;
import com.rcm.j3490.rules.ReconciledLine;
import java.util.Map;
import com.rcm.j3490.rules.Status;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorklistBufferTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @Test
    void groupsByWorklistThenSortsByAmountDeadlineAndArrival(@TempDir Path dir) {
        List<ReconciledLine> lines = List.of(
                line("A", Status.DENIED_CO16, "10.00", DAY),
                line("B", Status.UNDERPAID, "5.00", DAY),
                line("C", Status.PAID_OK, "0.00", DAY),
                line("D", Status.UNDERPAID, "50.00", DAY.plusDays(3)),
                line("E", Status.UNDERPAID, "50.00", DAY),
                line("F", Status.UNDERPAID, "50.00", DAY),
                line("G", Status.DENIED_CO16, "99.99", null));
        List<String> order = new ArrayList<>();
        try (WorklistBuffer buffer = new WorklistBuffer(List.of(Status.UNDERPAID, Status.DENIED_CO16), dir)) {
            lines.forEach(l -> buffer.add(item(l)));
            buffer.forEachSorted(i -> order.add(i.key().claimId()));
        }
        assertThat(order).containsExactly("E", "F", "D", "B", "G", "A");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void eachWorklistReadsOnItsOwnOnTwoThreadsInTheSameOrder(@TempDir Path dir) throws Exception {
        List<ReconciledLine> lines = List.of(
                line("A", Status.DENIED_CO16, "10.00", DAY),
                line("B", Status.UNDERPAID, "5.00", DAY),
                line("C", Status.PAID_OK, "0.00", DAY),
                line("E", Status.UNDERPAID, "50.00", DAY),
                line("G", Status.DENIED_CO16, "99.99", null));
        try (WorklistBuffer buffer = new WorklistBuffer(
                List.of(Status.UNDERPAID, Status.DENIED_CO50, Status.DENIED_CO16), dir)) {
            lines.forEach(l -> buffer.add(item(l)));
            WorklistBuffer.Sorted sorted = buffer.sorted();
            assertThat(sorted.count(Status.UNDERPAID)).isEqualTo(2);
            assertThat(sorted.count(Status.DENIED_CO50)).isZero();
            assertThat(sorted.count(Status.DENIED_CO16)).isEqualTo(2);
            assertThat(sorted.count(Status.PAID_OK)).as("not a worklist of this buffer").isZero();

            List<String> denied = new ArrayList<>();
            Thread other = new Thread(() -> sorted.forEach(Status.DENIED_CO16, i -> denied.add(i.key().claimId())));
            other.start();
            List<String> underpaid = new ArrayList<>();
            sorted.forEach(Status.UNDERPAID, i -> underpaid.add(i.key().claimId()));
            other.join();
            assertThat(underpaid).containsExactly("E", "B");
            assertThat(denied).containsExactly("G", "A");
            List<String> none = new ArrayList<>();
            sorted.forEach(Status.DENIED_CO50, i -> none.add(i.key().claimId()));
            assertThat(none).isEmpty();
        }
    }

    @Test
    void manyLinesAcrossBlocksComeBackInTheSameOrderAsAStableSort(@TempDir Path dir) {
        java.util.Random random = new java.util.Random(3490);
        List<Status> worklists = List.of(Status.UNDERPAID, Status.DENIED_CO16, Status.DENIED_CO50);
        List<ReconciledLine> lines = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            Status status = random.nextInt(5) == 0 ? Status.PAID_OK : worklists.get(random.nextInt(worklists.size()));
            // few distinct amounts and deadlines: many ties, which must keep arrival order
            lines.add(line("C" + i, status, random.nextInt(20) + ".0" + random.nextInt(10),
                    random.nextInt(6) == 0 ? null : DAY.plusDays(random.nextInt(4))));
        }
        List<String> expected = lines.stream()
                .filter(l -> worklists.contains(l.status()))
                .sorted(java.util.Comparator.<ReconciledLine>comparingInt(l -> worklists.indexOf(l.status()))
                        .thenComparing(ReconciledLine::amountAtStake, java.util.Comparator.reverseOrder())
                        .thenComparing(l -> l.appealDeadline() == null ? LocalDate.MAX : l.appealDeadline()))
                .map(ReconciledLine::claimId)
                .toList();
        List<String> order = new ArrayList<>();
        try (WorklistBuffer buffer = new WorklistBuffer(worklists, dir)) {
            lines.forEach(l -> buffer.add(item(l)));
            buffer.forEachSorted(i -> order.add(i.key().claimId()));
        }
        assertThat(order).hasSize(expected.size()).isEqualTo(expected);
    }

    /** Keys too wide to pack into one long (a huge amount) take the merge sort: the same order. */
    @Test
    void keysTooWideToPackSortTheSameWay(@TempDir Path dir) {
        for (boolean wide : new boolean[] {false, true}) {
            java.util.Random random = new java.util.Random(13);
            List<long[]> keys = new ArrayList<>(); // group, amount, day, arrival
            for (int i = 0; i < 5_000; i++) {
                long amount = random.nextInt(50) - 10;
                if (wide && i == 77) {
                    amount = Long.MAX_VALUE / 2;
                }
                long day = random.nextInt(5) == 0 ? Long.MAX_VALUE : -20_000 + random.nextInt(3);
                keys.add(new long[] {-20_400 + random.nextInt(3), amount, day, i});
            }
            List<Long> expected = keys.stream()
                    .sorted(java.util.Comparator.<long[]>comparingLong(k -> k[0])
                            .thenComparing(k -> k[1], java.util.Comparator.reverseOrder())
                            .thenComparingLong(k -> k[2]))
                    .map(k -> k[3])
                    .toList();
            List<Long> order = new ArrayList<>();
            try (WorklistBuffer buffer = new WorklistBuffer(List.of(), dir)) {
                for (long[] k : keys) {
                    buffer.add(item(line("C" + k[3], Status.UNDERPAID, "1.00", DAY)), k[0], k[1], k[2]);
                }
                buffer.forEachSorted(i -> order.add(Long.parseLong(i.key().claimId().substring(1))));
            }
            assertThat(order).as(wide ? "merge sort" : "packed keys").isEqualTo(expected);
        }
    }

    @Test
    void anItemComesBackAsItWent(@TempDir Path dir) {
        ReconciledLine line = new Nights.LineBuilder("CLM-1").build();
        WorkItem original = new WorkItem(ItemKey.of(line), DAY, line.status(), line.reimbursed(), line,
                new TeamColumns("Ana", WorkStatus.APPEALED, DAY.plusDays(5), "called payer", Map.of("My Priority", "1")),
                "CO-16 \u2192 paid 1.00", DAY, null, null, null);
        List<WorkItem> back = new ArrayList<>();
        try (WorklistBuffer buffer = new WorklistBuffer(List.of(line.status()), dir)) {
            buffer.add(original);
            buffer.forEachSorted(back::add);
        }
        assertThat(back).containsExactly(original);
    }

    private static WorkItem item(ReconciledLine line) {
        return new WorkItem(ItemKey.of(line), DAY, line.status(), line.reimbursed(), line, null, null, null, null, null,
                null);
    }

    private static ReconciledLine line(String claim, Status status, String atStake, LocalDate deadline) {
        ReconciledLine base = new Nights.LineBuilder(claim).build();
        return new ReconciledLine(base.claimId(), base.lineNumber(), base.checkNumber(), base.claimStatus(),
                base.payerId(), base.payerName(), base.payerClaimNumber(), base.patientName(), base.serviceDate(),
                base.paymentDate(), base.procedureCode(), base.modifiers(), base.ndc(), base.drugName(),
                base.ndcQuantity(), base.ndcUnit(), base.unitsBilled(), base.billed(), base.paid(), base.reimbursed(),
                base.expected(), base.variance(), base.basis(), base.ratePercent(), base.invoiceNumber(), status,
                base.denialCodes(), base.remarkCodes(), base.flags(), base.reworkAction(), base.team(), deadline,
                new BigDecimal(atStake), base.drugSource(), base.unitsPaid(), base.allowed(), base.adjustments(),
                base.resubmitBy());
    }
}
