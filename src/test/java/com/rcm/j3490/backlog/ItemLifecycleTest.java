package com.rcm.j3490.backlog;

import static com.rcm.j3490.backlog.BacklogLines.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.rcm.j3490.backlog.ItemLifecycle.Step;
import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.rules.Status;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemLifecycleTest {
    private static final LocalDate NIGHT_1 = LocalDate.of(2026, 11, 23);
    private static final LocalDate NIGHT_2 = NIGHT_1.plusDays(1);
    private static final LocalDate NIGHT_3 = NIGHT_1.plusDays(2);

    private static WorkItem opened(ReconciledLine line) {
        Step step = ItemLifecycle.applyLine(null, line, NIGHT_1);
        assertThat(step.change()).isEqualTo(ItemChange.OPENED);
        return step.item();
    }

    private static WorkItem withTeam(WorkItem item, String owner, WorkStatus status, String notes) {
        return item.withTeam(new TeamColumns(owner, status, NIGHT_2, notes, Map.of("My Priority", "high")));
    }

    @Test
    void anActionableLineWithoutAnItemOpensOne() {
        WorkItem item = opened(line("C1", Status.UNDERPAID).paid("900.00").atStake("100.00").build());
        assertThat(item.key()).isEqualTo(new ItemKey("P1", "C1", "1"));
        assertThat(item.firstSeen()).isEqualTo(NIGHT_1);
        assertThat(item.isOpen()).isTrue();
        assertThat(item.openingStatus()).isEqualTo(Status.UNDERPAID);
        assertThat(item.openingBaseline()).isEqualByComparingTo("900.00");
        assertThat(item.team().workStatus()).isEqualTo(WorkStatus.NEW);
        assertThat(item.lastPayerAction()).isNull();
        assertThat(item.newTonight(NIGHT_1)).isTrue();
        assertThat(item.newTonight(NIGHT_2)).isFalse();
    }

    @Test
    void aPaidOkLineWithoutAnItemOpensNothing() {
        Step step = ItemLifecycle.applyLine(null, line("C1", Status.PAID_OK).paid("1000.00").build(), NIGHT_1);
        assertThat(step.change()).isEqualTo(ItemChange.NO_ITEM);
        assertThat(step.item()).isNull();
    }

    @Test
    void identityIsCaseSensitiveAsWritten() {
        assertThat(ItemKey.of(line("inf-1", Status.UNDERPAID).build()))
                .isNotEqualTo(ItemKey.of(line("INF-1", Status.UNDERPAID).build()));
    }

    @Test
    void aPayerLineForAnOpenItemUpdatesItAndKeepsTheTeamsColumns() {
        WorkItem item = withTeam(opened(line("C1", Status.UNDERPAID).paid("900.00").build()), "ann",
                WorkStatus.APPEALED, "called payer");
        ReconciledLine denial = line("C1", Status.DENIED_CO50).check("CHK-2").adjustments("CO-50:1000.00")
                .atStake("1000.00").build();

        Step step = ItemLifecycle.applyLine(item, denial, NIGHT_2);

        assertThat(step.change()).isEqualTo(ItemChange.UPDATED);
        WorkItem after = step.item();
        assertThat(after.status()).isEqualTo(Status.DENIED_CO50);
        assertThat(after.line()).isEqualTo(denial);
        assertThat(after.team().workStatus()).isEqualTo(WorkStatus.PAYER_RESPONDED);
        assertThat(after.team().owner()).isEqualTo("ann");
        assertThat(after.team().notes()).isEqualTo("called payer");
        assertThat(after.team().extra()).containsEntry("My Priority", "high");
        assertThat(after.lastPayerAction()).isEqualTo("UNDERPAID \u2192 DENIED_CO50");
        assertThat(after.lastPayerActionOn()).isEqualTo(NIGHT_2);
        assertThat(after.firstSeen()).isEqualTo(NIGHT_1);
        assertThat(after.openingStatus()).isEqualTo(Status.UNDERPAID);
    }

    @Test
    void aLineThatChangesNothingThePayerSentLeavesWorkStatusAlone() {
        WorkItem item = withTeam(opened(line("C1", Status.NO_EXPECTED).paid("500.00").build()), "ann",
                WorkStatus.IN_PROGRESS, null);
        // same remittance content; only our pricing reference changed the status
        ReconciledLine repriced = line("C1", Status.UNDERPAID).paid("500.00").atStake("500.00").build();

        WorkItem after = ItemLifecycle.applyLine(item, repriced, NIGHT_2).item();

        assertThat(after.status()).isEqualTo(Status.UNDERPAID);
        assertThat(after.team().workStatus()).isEqualTo(WorkStatus.IN_PROGRESS);
        assertThat(after.lastPayerAction()).isNull();
    }

    @Test
    void theSameDenialOnANewCheckIsAPayerResponse() {
        WorkItem item = withTeam(opened(line("C1", Status.DENIED_CO16).adjustments("CO-16:1000.00").build()), null,
                WorkStatus.RESUBMITTED, null);
        WorkItem after = ItemLifecycle.applyLine(item,
                line("C1", Status.DENIED_CO16).adjustments("CO-16:1000.00").check("CHK-9").build(), NIGHT_2).item();
        assertThat(after.team().workStatus()).isEqualTo(WorkStatus.PAYER_RESPONDED);
        assertThat(after.lastPayerAction()).isEqualTo("CO-16 sent again (check CHK-9)");
    }

    @Test
    void lastPayerActionSaysWhatChanged() {
        ReconciledLine under900 = line("C1", Status.UNDERPAID).paid("900.00").build();
        assertThat(ItemLifecycle.describe(under900, line("C1", Status.UNDERPAID).paid("950.00").build()))
                .isEqualTo("UNDERPAID paid 900.00 \u2192 950.00");
        ReconciledLine m119 = line("C1", Status.DENIED_CO16).adjustments("CO-16:10.00").remarks("M119").build();
        assertThat(ItemLifecycle.describe(m119,
                line("C1", Status.DENIED_CO16).adjustments("CO-16:10.00").remarks("N350").build()))
                .isEqualTo("CO-16 remarks M119 \u2192 N350");
        assertThat(ItemLifecycle.describe(m119,
                line("C1", Status.DENIED_CO16).adjustments("CO-16:12.00").remarks("M119").build()))
                .isEqualTo("CO-16 adjustments CO-16:10.00 \u2192 CO-16:12.00");
    }

    @Test
    void aPaidOkLineResolvesAnOpenItemWithWhatWasRecovered() {
        WorkItem item = opened(line("C1", Status.DENIED_CO16).adjustments("CO-16:1210.00").build());

        Step step = ItemLifecycle.applyLine(item, line("C1", Status.PAID_OK).paid("1210.00").build(), NIGHT_2);

        assertThat(step.change()).isEqualTo(ItemChange.RESOLVED_BY_PAYER);
        WorkItem after = step.item();
        assertThat(after.isOpen()).isFalse();
        assertThat(after.resolution()).isEqualTo(Resolution.PAID_BY_PAYER);
        assertThat(after.resolution().label()).isEqualTo("Paid by payer");
        assertThat(after.resolvedOn()).isEqualTo(NIGHT_2);
        assertThat(after.recovered()).isEqualByComparingTo("1210.00");
        assertThat(after.lastPayerAction()).isEqualTo("CO-16 \u2192 paid 1,210.00");
    }

    @Test
    void recoveredCountsPatientResponsibilityAsReimbursed() {
        WorkItem item = opened(line("C1", Status.UNDERPAID).paid("700.00").reimbursed("800.00").build());
        WorkItem after = ItemLifecycle.applyLine(item,
                line("C1", Status.PAID_OK).paid("900.00").reimbursed("1000.00").build(), NIGHT_2).item();
        assertThat(after.recovered()).isEqualByComparingTo("200.00");
    }

    @Test
    void anUnderpaymentReversedAndRepaidInFullRecoversTheDifference() {
        WorkItem item = opened(line("C1", Status.UNDERPAID).paid("900.00").build());
        item = ItemLifecycle.applyLine(item, line("C1", Status.REVERSED).claimStatus("22").paid("-900.00")
                .check("CHK-2").atStake("900.00").build(), NIGHT_2).item();
        assertThat(item.status()).isEqualTo(Status.REVERSED);
        assertThat(item.lastPayerAction()).isEqualTo("UNDERPAID \u2192 REVERSED");

        WorkItem after = ItemLifecycle.applyLine(item, line("C1", Status.PAID_OK).paid("1000.00").check("CHK-3").build(),
                NIGHT_3).item();
        assertThat(after.recovered()).isEqualByComparingTo("100.00");
    }

    @Test
    void anItemOpenedByAReversalMeasuresRecoveryFromTheReversedAmount() {
        WorkItem item = opened(line("C1", Status.REVERSED).claimStatus("22").paid("-900.00").atStake("900.00").build());
        assertThat(item.openingBaseline()).isEqualByComparingTo("900.00");

        WorkItem more = ItemLifecycle.applyLine(item, line("C1", Status.PAID_OK).paid("1000.00").build(), NIGHT_2).item();
        assertThat(more.recovered()).isEqualByComparingTo("100.00");

        WorkItem less = ItemLifecycle.applyLine(item, line("C1", Status.PAID_OK).paid("800.00").build(), NIGHT_2).item();
        assertThat(less.recovered()).as("never below 0").isEqualByComparingTo("0.00");
    }

    @Test
    void theTeamResolvesAnItemWithClosedWrittenOffOrRefundSent() {
        for (WorkStatus status : new WorkStatus[] {WorkStatus.CLOSED, WorkStatus.WRITTEN_OFF, WorkStatus.REFUND_SENT}) {
            WorkItem item = opened(line("C1", Status.OVERPAID).paid("1100.00").build());
            TeamColumns columns = new TeamColumns("bob", status, null, "done", Map.of());

            Step step = ItemLifecycle.applyTeam(item, columns, NIGHT_2);

            assertThat(step.change()).isEqualTo(ItemChange.RESOLVED_BY_TEAM);
            assertThat(step.item().resolution().label()).isEqualTo(status.label());
            assertThat(step.item().resolvedOn()).isEqualTo(NIGHT_2);
            assertThat(step.item().recovered()).isNull();
            assertThat(step.item().team().notes()).isEqualTo("done");
        }
    }

    @Test
    void otherWorkStatusesKeepTheItemOpen() {
        WorkItem item = opened(line("C1", Status.UNDERPAID).build());
        for (WorkStatus status : WorkStatus.values()) {
            if (!status.resolvesItem()) {
                Step step = ItemLifecycle.applyTeam(item, new TeamColumns(null, status, null, null, Map.of()), NIGHT_2);
                assertThat(step.item().isOpen()).as(status.label()).isTrue();
            }
        }
        assertThat(ItemLifecycle.applyTeam(item, item.team(), NIGHT_2).change()).isEqualTo(ItemChange.UNCHANGED);
    }

    @Test
    void aLaterPayerLineReopensATeamResolvedItemWithItsHistory() {
        WorkItem item = opened(line("C1", Status.DENIED_CO50).adjustments("CO-50:1000.00").build());
        item = ItemLifecycle.applyTeam(item, new TeamColumns("bob", WorkStatus.WRITTEN_OFF, null, "no records", Map.of()),
                NIGHT_2).item();

        Step step = ItemLifecycle.applyLine(item,
                line("C1", Status.DENIED_CO50).adjustments("CO-50:1000.00").check("CHK-2").build(), NIGHT_3);

        assertThat(step.change()).isEqualTo(ItemChange.REOPENED);
        WorkItem after = step.item();
        assertThat(after.isOpen()).isTrue();
        assertThat(after.resolvedOn()).isNull();
        assertThat(after.team().workStatus()).isEqualTo(WorkStatus.PAYER_RESPONDED);
        assertThat(after.team().notes()).isEqualTo("no records");
        assertThat(after.firstSeen()).isEqualTo(NIGHT_1);
        assertThat(after.lastPayerAction()).isEqualTo("CO-50 sent again (check CHK-2)");
    }

    @Test
    void aWrittenOffItemThatThePayerPaysAfterAllIsARecovery() {
        WorkItem item = opened(line("C1", Status.DENIED_CO50).adjustments("CO-50:1000.00").build());
        item = ItemLifecycle.applyTeam(item, new TeamColumns(null, WorkStatus.WRITTEN_OFF, null, null, Map.of()),
                NIGHT_2).item();
        Step step = ItemLifecycle.applyLine(item, line("C1", Status.PAID_OK).paid("1000.00").build(), NIGHT_3);
        assertThat(step.change()).isEqualTo(ItemChange.RESOLVED_BY_PAYER);
        assertThat(step.item().resolution()).isEqualTo(Resolution.PAID_BY_PAYER);
        assertThat(step.item().resolvedOn()).isEqualTo(NIGHT_3);
        assertThat(step.item().recovered()).isEqualByComparingTo("1000.00");
    }

    @Test
    void theTeamCanTakeItsResolutionBack() {
        WorkItem item = opened(line("C1", Status.UNDERPAID).build());
        item = ItemLifecycle.applyTeam(item, new TeamColumns(null, WorkStatus.CLOSED, null, null, Map.of()), NIGHT_2)
                .item();
        Step step = ItemLifecycle.applyTeam(item, new TeamColumns(null, WorkStatus.IN_PROGRESS, null, null, Map.of()),
                NIGHT_3);
        assertThat(step.change()).isEqualTo(ItemChange.REOPENED);
        assertThat(step.item().isOpen()).isTrue();
    }

    @Test
    void aReversalReopensAPayerResolvedItemAndItsRecoveryIsNotCountedTwice() {
        WorkItem item = opened(line("C1", Status.DENIED_CO16).adjustments("CO-16:1000.00").build());
        item = ItemLifecycle.applyLine(item, line("C1", Status.PAID_OK).paid("1000.00").check("A").build(), NIGHT_2)
                .item();
        assertThat(item.recovered()).isEqualByComparingTo("1000.00");

        Step reversal = ItemLifecycle.applyLine(item, line("C1", Status.REVERSED).claimStatus("22").paid("-1000.00")
                .check("B").atStake("1000.00").build(), NIGHT_3);
        assertThat(reversal.change()).isEqualTo(ItemChange.REOPENED);
        assertThat(reversal.item().isOpen()).isTrue();
        assertThat(reversal.item().recovered()).as("the reversal took the recovery back").isNull();
        assertThat(reversal.item().lastPayerAction()).isEqualTo("PAID_OK \u2192 REVERSED");

        WorkItem repaid = ItemLifecycle.applyLine(reversal.item(), line("C1", Status.PAID_OK).paid("1000.00").check("C")
                .build(), NIGHT_3.plusDays(1)).item();
        assertThat(repaid.recovered()).as("paid, reversed, paid again: 1,000.00 in all").isEqualByComparingTo("1000.00");
    }

    @Test
    void aPaidOkLineForAPayerResolvedItemChangesNothing() {
        WorkItem item = opened(line("C1", Status.UNDERPAID).paid("900.00").build());
        item = ItemLifecycle.applyLine(item, line("C1", Status.PAID_OK).paid("1000.00").build(), NIGHT_2).item();
        Step step = ItemLifecycle.applyLine(item, line("C1", Status.PAID_OK).paid("1000.00").check("X").build(), NIGHT_3);
        assertThat(step.change()).isEqualTo(ItemChange.UNCHANGED);
        assertThat(step.item()).isSameAs(item);
    }

    @Test
    void daysOpenAndDaysToDeadline() {
        WorkItem item = opened(line("C1", Status.UNDERPAID).appealDeadline(NIGHT_1.plusDays(10)).build());
        assertThat(item.daysOpen(NIGHT_1.plusDays(45))).isEqualTo(45);
        assertThat(item.daysToDeadline(NIGHT_1.plusDays(4))).isEqualTo(6);
        assertThat(item.daysToDeadline(NIGHT_1.plusDays(12))).as("past").isEqualTo(-2);
        WorkItem ma130 = opened(line("C2", Status.DENIED_CO16).appealDeadline(null).build());
        assertThat(ma130.daysToDeadline(NIGHT_1)).isNull();
    }

    @Test
    void workStatusChoicesAreTheTenOfTheContract() {
        assertThat(java.util.Arrays.stream(WorkStatus.values()).map(WorkStatus::label)).containsExactly("New",
                "In progress", "Resubmitted", "Appealed", "Pending payer", "Payer responded", "Escalated",
                "Refund sent", "Written off", "Closed");
        assertThat(WorkStatus.parse(" written OFF ")).contains(WorkStatus.WRITTEN_OFF);
        assertThat(WorkStatus.parse("Paid")).isEmpty();
    }
}
