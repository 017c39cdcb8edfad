package com.rcm.j3490.backlog;

import static com.rcm.j3490.backlog.BacklogLines.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.rcm.j3490.backlog.BacklogFigures.Tally;
import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.rules.Status;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BacklogFiguresTest {
    private static final LocalDate RUN = LocalDate.of(2026, 12, 31);

    private static WorkItem open(ReconciledLine line, int daysOpen, String owner) {
        return new WorkItem(ItemKey.of(line), RUN.minusDays(daysOpen), line.status(), line.reimbursed(), line,
                new TeamColumns(owner, WorkStatus.IN_PROGRESS, null, null, Map.of()), null, null, null, null, null);
    }

    private static WorkItem resolved(String claim, LocalDate on, Resolution resolution, String recovered) {
        ReconciledLine line = line(claim, Status.PAID_OK).paid("1000.00").build();
        return new WorkItem(ItemKey.of(line), on.minusDays(5), Status.DENIED_CO16, BigDecimal.ZERO, line, TeamColumns.NEW,
                null, null, on, resolution, recovered == null ? null : new BigDecimal(recovered));
    }

    @Test
    void moneyKindsAreSeparateTotals() {
        BacklogFigures f = BacklogFigures.builder(RUN)
                .add(open(line("D", Status.DENIED_CO16).atStake("100.00").build(), 1, null))
                .add(open(line("U", Status.UNDERPAID).atStake("20.00").build(), 1, null))
                .add(open(line("N", Status.NO_EXPECTED).atStake("3.00").build(), 1, null))
                .add(open(line("O", Status.OVERPAID).atStake("40.00").build(), 1, null))
                .add(open(line("P", Status.PATIENT_RESP).atStake("50.00").build(), 1, null))
                .add(open(line("R", Status.REVERSED).atStake("60.00").build(), 1, null))
                .build();

        assertThat(f.open().count()).isEqualTo(6);
        assertThat(f.open().amounts()).containsOnlyKeys(MoneyKind.values());
        assertThat(f.open().amount(MoneyKind.RECOVERABLE)).isEqualByComparingTo("123.00");
        assertThat(f.open().amount(MoneyKind.REFUND_OWED)).isEqualByComparingTo("40.00");
        assertThat(f.open().amount(MoneyKind.PATIENT_BALANCE)).isEqualByComparingTo("50.00");
        assertThat(f.open().amount(MoneyKind.REVERSED)).isEqualByComparingTo("60.00");
        assertThat(f.byWorklist().get(Status.OVERPAID).amounts()).containsOnlyKeys(MoneyKind.REFUND_OWED);
        assertThat(f.byWorklist()).containsOnlyKeys(Status.DENIED_CO16, Status.UNDERPAID, Status.NO_EXPECTED,
                Status.OVERPAID, Status.PATIENT_RESP, Status.REVERSED);
    }

    @Test
    void everyStatusButPaidOkHasAMoneyKind() {
        for (Status s : Status.values()) {
            assertThat(MoneyKind.of(s).isPresent()).as(s.name()).isEqualTo(s.actionable());
        }
        assertThat(MoneyKind.of(Status.DENIED_OTHER)).contains(MoneyKind.RECOVERABLE);
    }

    @Test
    void ageBucketsByDaysOpen() {
        BacklogFigures.Builder b = BacklogFigures.builder(RUN);
        for (int days : new int[] {0, 30, 31, 60, 61, 90, 91, 400}) {
            b.add(open(line("C" + days, Status.UNDERPAID).atStake("1.00").build(), days, null));
        }
        Map<AgeBucket, Tally> age = b.build().byAge();
        assertThat(age.keySet()).containsExactly(AgeBucket.values());
        assertThat(age.values()).extracting(Tally::count).containsExactly(2L, 2L, 2L, 2L);
        assertThat(age.get(AgeBucket.OVER_90).amount(MoneyKind.RECOVERABLE)).isEqualByComparingTo("2.00");
        assertThat(AgeBucket.OVER_90.label()).isEqualTo("over 90");
    }

    @Test
    void newTonightIsWhatTonightOpened() {
        BacklogFigures f = BacklogFigures.builder(RUN)
                .add(open(line("A", Status.UNDERPAID).atStake("5.00").build(), 0, null))
                .add(open(line("B", Status.UNDERPAID).atStake("7.00").build(), 1, null))
                .build();
        assertThat(f.newTonight().count()).isEqualTo(1);
        assertThat(f.newTonight().amount(MoneyKind.RECOVERABLE)).isEqualByComparingTo("5.00");
    }

    @Test
    void resolvedTonightAndInTheWindowWithTheMoneyRecovered() {
        BacklogFigures f = BacklogFigures.builder(RUN)
                .add(resolved("A", RUN, Resolution.PAID_BY_PAYER, "1210.00"))
                .add(resolved("B", RUN, Resolution.WRITTEN_OFF, null))
                .add(resolved("C", RUN.minusDays(10), Resolution.PAID_BY_PAYER, "90.50"))
                .build();
        assertThat(f.resolvedTonight()).isEqualTo(new BacklogFigures.Recovery(2, new BigDecimal("1210.00")));
        assertThat(f.resolvedInWindow()).isEqualTo(new BacklogFigures.Recovery(3, new BigDecimal("1300.50")));
        assertThat(f.resolvedInWindowBy().get(Resolution.WRITTEN_OFF).count()).isEqualTo(1);
        assertThat(f.open().count()).as("resolved items are not open").isZero();
    }

    @Test
    void byTeamAndByOwner() {
        BacklogFigures f = BacklogFigures.builder(RUN)
                .add(open(line("A", Status.DENIED_CO50).team("Clinical documentation").atStake("10.00").build(), 1, "ann"))
                .add(open(line("B", Status.UNDERPAID).team("Billing").atStake("20.00").build(), 1, " ann "))
                .add(open(line("C", Status.OVERPAID).team("Billing").atStake("30.00").build(), 1, ""))
                .build();
        assertThat(f.byTeam().get("Billing").count()).isEqualTo(2);
        assertThat(f.byTeam().get("Billing").amount(MoneyKind.RECOVERABLE)).isEqualByComparingTo("20.00");
        assertThat(f.byTeam().get("Billing").amount(MoneyKind.REFUND_OWED)).isEqualByComparingTo("30.00");
        assertThat(f.byOwner().get("ann").count()).isEqualTo(2);
        assertThat(f.byOwner().get(BacklogFigures.UNASSIGNED).count()).isEqualTo(1);
    }

    @Test
    void theDenialChartCountsEachDeniedLineOnceUnderTheReasonThatDecidedIt() {
        BacklogFigures f = BacklogFigures.builder(RUN)
                // CO-16 decided it; its CO-253 and CO-45 are not denials and are not counted
                .add(open(line("A", Status.DENIED_CO16).adjustments("CO-45:5.00;CO-16:100.00;CO-253:2.00").build(), 1, null))
                .add(open(line("B", Status.DENIED_CO16).adjustments("CO-16:50.00;CO-50:60.00").build(), 1, null))
                // DENIED_OTHER: the largest denial adjustment, even when CO-253 is larger
                .add(open(line("C", Status.DENIED_OTHER).adjustments("CO-253:900.00;CO-97:30.00;OA-23:20.00").build(), 1,
                        null))
                .add(open(line("D", Status.DENIED_OTHER).claimStatus("4").adjustments("PR-1:10.00").build(), 1, null))
                .add(open(line("E", Status.DENIED_OTHER).adjustments("CO-253:3.00").build(), 1, null))
                .add(open(line("F", Status.PATIENT_RESP).adjustments("PR-2:40.00").build(), 1, null))
                .build();

        assertThat(f.denialsByReason().keySet()).containsExactly("CO-16", "CO-97", DenialReason.CLAIM_DENIED,
                DenialReason.OTHER);
        assertThat(f.denialsByReason().get("CO-16").count()).isEqualTo(2);
        assertThat(f.denialsByReason().values().stream().mapToLong(Tally::count).sum())
                .as("each denied line once").isEqualTo(5);
        assertThat(f.denialsByReason()).doesNotContainKeys("CO-253", "CO-45", "CO-50", "PR-2");
    }

    @Test
    void denialReasonOfEachDeniedStatus() {
        assertThat(DenialReason.of(line("A", Status.DENIED_CO50).adjustments("CO-50:1.00").build())).contains("CO-50");
        assertThat(DenialReason.of(line("A", Status.DENIED_CO151).adjustments("CO-151:1.00").build())).contains("CO-151");
        assertThat(DenialReason.of(line("A", Status.DENIED_OTHER).adjustments("PI-204:5.00;CO-97:5.00").build()))
                .as("ties: the first").contains("PI-204");
        assertThat(DenialReason.of(line("A", Status.UNDERPAID).adjustments("CO-16:1.00").build())).isEmpty();
    }
}
