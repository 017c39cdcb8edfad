package com.rcm.j3490.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.rcm.j3490.rules.Basis;
import com.rcm.j3490.rules.DrugSource;
import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.rules.Status;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LineTotalsTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @Test
    void sumsPerStatusPayerAndDenialCodeOnce() {
        LineTotals totals = new LineTotals(10);
        totals.add(line("A", Status.DENIED_CO16, "BCBS", "100.00", null, List.of("CO-16", "CO-16", "OA-23"), "100.00", DAY));
        totals.add(line("B", Status.PAID_OK, "BCBS", "50.00", "50.00", List.of(), "0", DAY));
        totals.add(line("C", Status.UNDERPAID, "MCR", "80.00", "90.00", List.of(), "10.00", DAY));

        assertThat(totals.total().lines).isEqualTo(3);
        assertThat(totals.total().billed).isEqualByComparingTo("230.00");
        assertThat(totals.total().expected).as("over priced lines only").isEqualByComparingTo("140.00");
        assertThat(totals.status(Status.DENIED_CO16).lines).isEqualTo(1);
        assertThat(totals.status(Status.OVERPAID)).isNull();
        assertThat(totals.byPayer()).containsOnlyKeys("BCBS", "MCR");
        assertThat(totals.byPayer().get("BCBS").lines).isEqualTo(2);
        assertThat(totals.payerName("BCBS")).isEqualTo("Payer BCBS");
        assertThat(totals.byDenialCode()).containsOnlyKeys("CO-16", "OA-23");
        assertThat(totals.byDenialCode().get("CO-16").lines).as("a code repeated on one line counts once").isEqualTo(1);
    }

    @Test
    void topLinesInWorklistOrderWithArrivalBreakingTies() {
        LineTotals totals = new LineTotals(3);
        totals.add(line("small", Status.UNDERPAID, "P", "10", "20", List.of(), "5.00", DAY));
        totals.add(line("late", Status.UNDERPAID, "P", "10", "20", List.of(), "50.00", DAY.plusDays(9)));
        totals.add(line("first", Status.UNDERPAID, "P", "10", "20", List.of(), "50.00", DAY));
        totals.add(line("second", Status.UNDERPAID, "P", "10", "20", List.of(), "50.00", DAY));
        totals.add(line("zero", Status.PAID_OK, "P", "10", "10", List.of(), "0", DAY));
        assertThat(totals.topLines()).extracting(ReconciledLine::claimId).containsExactly("first", "second", "late");
    }

    private static ReconciledLine line(String claim, Status status, String payer, String billed, String expected,
            List<String> denialCodes, String atStake, LocalDate deadline) {
        BigDecimal paid = new BigDecimal("0");
        BigDecimal exp = expected == null ? null : new BigDecimal(expected);
        return new ReconciledLine(claim, "1", "CHK", "1", payer, "Payer " + payer, null, null, DAY, DAY, "J3490", "",
                null, null, null, null, BigDecimal.ONE, new BigDecimal(billed), paid, paid, exp,
                exp == null ? null : paid.subtract(exp), exp == null ? null : Basis.CHARGE, null, null, status,
                denialCodes, List.of(), Set.of(), null, null, deadline, new BigDecimal(atStake), DrugSource.NONE, null, null, "",
                DAY.plusDays(365));
    }
}
