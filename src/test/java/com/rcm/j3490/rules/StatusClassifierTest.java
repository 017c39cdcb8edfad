package com.rcm.j3490.rules;

import static com.rcm.j3490.rules.Lines.DOS;
import static com.rcm.j3490.rules.Lines.RUN_DATE;
import static com.rcm.j3490.rules.Lines.contract;
import static com.rcm.j3490.rules.Lines.d;
import static com.rcm.j3490.rules.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract 2.4: status (first rule that holds), amount at stake, appeal deadline. */
class StatusClassifierTest {
    private static final BigDecimal EXPECTED = d("100.00");

    /** Classifies with expected 100.00 and the given reimbursed, tolerance 2.00. */
    private static Status classify(RemittanceLine line) {
        BigDecimal reimbursed = line.paidAmount().add(line.patientResponsibility());
        return StatusClassifier.classify(line, EXPECTED, reimbursed.subtract(EXPECTED), d("2.00"));
    }

    private static ReconciledLine reconcile(RemittanceLine line) {
        return Lines.reconcile(line, Lines.chargeAtBilled(), List.of(), List.of());
    }

    // 1. REVERSED

    @Test
    void claimStatus22IsReversedBeforeAnyDenial() {
        RemittanceLine l = line().claimStatus("22").paid("-100.00").adjustments("CO-16:100.00").build();
        assertThat(classify(l)).isEqualTo(Status.REVERSED);
    }

    // 2. CO-16 / CO-50 / CO-151

    @ParameterizedTest
    @CsvSource({"16, DENIED_CO16", "50, DENIED_CO50", "151, DENIED_CO151"})
    void positiveCoDenialReasonDecidesTheDenial(String reason, Status status) {
        RemittanceLine l = line().paid("0").adjustments("CO-" + reason + ":100.00").build();
        assertThat(classify(l)).isEqualTo(status);
    }

    @Test
    void coDenialAppliesEvenWhenSomethingWasPaid() {
        assertThat(classify(line().paid("60.00").adjustments("CO-50:40.00").build())).isEqualTo(Status.DENIED_CO50);
    }

    @Test
    void coDenialBeatsClaimStatus4AndPatientResponsibility() {
        RemittanceLine l = line().claimStatus("4").paid("0").adjustments("PR-1:90.00", "CO-151:10.00").build();
        assertThat(classify(l)).isEqualTo(Status.DENIED_CO151);
    }

    @Test
    void largestTotalPerReasonWins() {
        RemittanceLine l = line().paid("0").adjustments("CO-16:10.00", "CO-50:8.00", "CO-50:5.00").build();
        assertThat(classify(l)).isEqualTo(Status.DENIED_CO50);
    }

    @Test
    void nonPositiveAmountsAreIgnoredInTheTotals() {
        // CO-16 totals 10 (the -20 is ignored), CO-50 totals 8
        RemittanceLine l = line().paid("0").adjustments("CO-16:10.00", "CO-16:-20.00", "CO-50:8.00").build();
        assertThat(classify(l)).isEqualTo(Status.DENIED_CO16);
    }

    @Test
    void coDenialWithOnlyNonPositiveAmountsIsNoDenial() {
        RemittanceLine l = line().paid("100.00").adjustments("CO-16:0.00", "CO-50:-5.00").build();
        assertThat(classify(l)).isEqualTo(Status.PAID_OK);
    }

    @Test
    void tiesGo16Then50Then151() {
        assertThat(classify(line().paid("0").adjustments("CO-151:10", "CO-50:10", "CO-16:10").build()))
                .isEqualTo(Status.DENIED_CO16);
        assertThat(classify(line().paid("0").adjustments("CO-151:10", "CO-50:10", "CO-16:3").build()))
                .isEqualTo(Status.DENIED_CO50);
    }

    @Test
    void denialReasonsOutsideTheCoGroupAreNotClassifiedDenials() {
        assertThat(classify(line().paid("0").adjustments("OA-16:100.00").build())).isEqualTo(Status.DENIED_OTHER);
        assertThat(classify(line().paid("0").adjustments("PR-50:100.00").build())).isEqualTo(Status.PATIENT_RESP);
    }

    // 3. DENIED_OTHER

    @Test
    void claimStatus4WithNothingPaidIsDeniedOther() {
        assertThat(classify(line().claimStatus("4").paid("0").build())).isEqualTo(Status.DENIED_OTHER);
    }

    @Test
    void claimStatus4WithSomethingPaidIsNotDenied() {
        assertThat(classify(line().claimStatus("4").paid("100.00").build())).isEqualTo(Status.PAID_OK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CO-97:100.00", "OA-23:100.00", "PI-204:100.00"})
    void positiveCoOaPiAdjustmentWithNothingPaidIsDeniedOther(String adjustment) {
        assertThat(classify(line().paid("0").adjustments(adjustment).build())).isEqualTo(Status.DENIED_OTHER);
    }

    @Test
    void payerAdjustmentWithSomethingPaidIsNotDeniedOther() {
        assertThat(classify(line().paid("90.00").adjustments("CO-97:10.00").build())).isEqualTo(Status.UNDERPAID);
    }

    @Test
    void co45AloneWithNothingPaidIsNotDeniedOther() {
        RemittanceLine l = line().paid("0").adjustments("CO-45:100.00").build();
        assertThat(classify(l)).isEqualTo(Status.UNDERPAID);
    }

    @Test
    void nonPositivePayerAdjustmentIsNotADenial() {
        assertThat(classify(line().paid("0").adjustments("OA-23:-10.00", "PR-1:100.00").build()))
                .isEqualTo(Status.PATIENT_RESP);
    }

    @Test
    void deniedOtherBeatsPatientResponsibility() {
        assertThat(classify(line().paid("0").adjustments("PR-1:50.00", "OA-23:50.00").build()))
                .isEqualTo(Status.DENIED_OTHER);
    }

    // 4. PATIENT_RESP

    @Test
    void positivePrWithNothingPaidIsPatientResponsibility() {
        RemittanceLine l = line().paid("0").adjustments("CO-45:20.00", "PR-1:80.00").build();
        assertThat(classify(l)).isEqualTo(Status.PATIENT_RESP);
    }

    @Test
    void prWithSomethingPaidIsNotPatientResponsibility() {
        RemittanceLine l = line().paid("20.00").adjustments("PR-1:80.00").build();
        assertThat(classify(l)).isEqualTo(Status.PAID_OK);
    }

    @Test
    void nonPositivePrIsNotPatientResponsibility() {
        assertThat(classify(line().paid("0").adjustments("PR-1:-5.00").build())).isEqualTo(Status.UNDERPAID);
    }

    // 5. NO_EXPECTED

    @Test
    void noExpectedPaymentIsNoExpected() {
        RemittanceLine l = line().paid("0").build();
        assertThat(StatusClassifier.classify(l, null, null, null)).isEqualTo(Status.NO_EXPECTED);
    }

    @Test
    void denialsAndPatientResponsibilityComeBeforeNoExpected() {
        assertThat(StatusClassifier.classify(line().paid("0").adjustments("CO-16:10").build(), null, null, null))
                .isEqualTo(Status.DENIED_CO16);
        assertThat(StatusClassifier.classify(line().paid("0").adjustments("PR-1:10").build(), null, null, null))
                .isEqualTo(Status.PATIENT_RESP);
        assertThat(StatusClassifier.classify(line().claimStatus("22").build(), null, null, null))
                .isEqualTo(Status.REVERSED);
    }

    // 6-8. UNDERPAID, OVERPAID, PAID_OK at the tolerance (CHARGE 100% of billed 100.00: tolerance 2.00)

    @ParameterizedTest(name = "paid {0} -> {1}")
    @CsvSource({
            "98.00, PAID_OK",
            "97.99, UNDERPAID",
            "102.00, PAID_OK",
            "102.01, OVERPAID",
            "100.00, PAID_OK"})
    void varianceExactlyAtToleranceIsPaidOkOneCentBeyondIsNot(String paid, Status status) {
        assertThat(reconcile(line().billed("100.00").paid(paid).build()).status()).isEqualTo(status);
    }

    @ParameterizedTest(name = "paid {0} -> {1}")
    @CsvSource({"19.00, PAID_OK", "18.99, UNDERPAID", "21.00, PAID_OK", "21.01, OVERPAID"})
    void toleranceIsTheAmountWhenItExceedsThePercent(String paid, Status status) {
        // expected 20.00: 2% = 0.40 < 1.00
        assertThat(reconcile(line().billed("20.00").paid(paid).build()).status()).isEqualTo(status);
    }

    @ParameterizedTest(name = "paid {0} -> {1}")
    @CsvSource({"450.00, PAID_OK", "449.99, UNDERPAID", "550.00, PAID_OK", "550.01, OVERPAID"})
    void toleranceIsThePercentOfExpectedWhenItExceedsTheAmount(String paid, Status status) {
        // contract tolerance 5.00 / 10%: expected 500.00 -> 50.00
        List<PayerContract> contracts = List.of(contract("*", Basis.CHARGE, "100").tolerance("5.00", "10").build());
        assertThat(Lines.reconcile(line().billed("500.00").paid(paid).build(), contracts, List.of(), List.of())
                .status()).isEqualTo(status);
    }

    @Test
    void reimbursedIncludesPatientResponsibilityWhenComparingWithExpected() {
        // paid 70 + PR 30 = 100 = expected
        ReconciledLine r = reconcile(line().billed("100.00").paid("70.00").adjustments("PR-2:30.00").build());
        assertThat(r.reimbursed()).isEqualByComparingTo("100.00");
        assertThat(r.status()).isEqualTo(Status.PAID_OK);
    }

    @Test
    void expectedAndVarianceAreShownWhateverTheStatus() {
        ReconciledLine r = reconcile(line().billed("100.00").paid("0").adjustments("CO-50:100.00").build());
        assertThat(r.status()).isEqualTo(Status.DENIED_CO50);
        assertThat(r.expected()).isEqualByComparingTo("100.00");
        assertThat(r.variance()).isEqualByComparingTo("-100.00");
    }

    // amount at stake

    @Test
    void denialAtStakeIsExpected() {
        ReconciledLine r = Lines.reconcile(line().billed("200.00").paid("0").adjustments("CO-16:200.00").build(),
                List.of(contract("*", Basis.CHARGE, "80").build()), List.of(), List.of());
        assertThat(r.amountAtStake()).isEqualByComparingTo("160.00");
    }

    @Test
    void denialWithoutExpectedAtStakeIsBilled() {
        ReconciledLine r = Lines.reconcile(line().billed("200.00").paid("0").claimStatus("4").build(), List.of(),
                List.of(), List.of());
        assertThat(r.status()).isEqualTo(Status.DENIED_OTHER);
        assertThat(r.amountAtStake()).isEqualByComparingTo("200.00");
    }

    @Test
    void underpaidAtStakeIsMinusVariance() {
        ReconciledLine r = reconcile(line().billed("100.00").paid("90.00").build());
        assertThat(r.status()).isEqualTo(Status.UNDERPAID);
        assertThat(r.variance()).isEqualByComparingTo("-10.00");
        assertThat(r.amountAtStake()).isEqualByComparingTo("10.00");
    }

    @Test
    void overpaidAtStakeIsVariance() {
        ReconciledLine r = reconcile(line().billed("100.00").paid("112.50").build());
        assertThat(r.status()).isEqualTo(Status.OVERPAID);
        assertThat(r.amountAtStake()).isEqualByComparingTo("12.50");
    }

    @Test
    void noExpectedAtStakeIsBilledMinusReimbursedAtLeastZero() {
        ReconciledLine r = Lines.reconcile(line().billed("100.00").paid("30.00").adjustments("PR-1:10.00").build(),
                List.of(), List.of(), List.of());
        assertThat(r.status()).isEqualTo(Status.NO_EXPECTED);
        assertThat(r.amountAtStake()).isEqualByComparingTo("60.00");
        ReconciledLine over = Lines.reconcile(line().billed("100.00").paid("130.00").build(), List.of(), List.of(),
                List.of());
        assertThat(over.amountAtStake()).isEqualByComparingTo("0.00");
    }

    @Test
    void patientResponsibilityAtStakeIsTheSumOfPr() {
        ReconciledLine r = reconcile(line().billed("100.00").paid("0").adjustments("PR-1:30.00", "CO-45:20.00",
                "PR-2:50.00").build());
        assertThat(r.status()).isEqualTo(Status.PATIENT_RESP);
        assertThat(r.amountAtStake()).isEqualByComparingTo("80.00");
    }

    @Test
    void reversedAtStakeIsTheAbsolutePaid() {
        ReconciledLine r = reconcile(line().claimStatus("22").billed("-100.00").paid("-95.00").build());
        assertThat(r.status()).isEqualTo(Status.REVERSED);
        assertThat(r.amountAtStake()).isEqualByComparingTo("95.00");
    }

    @Test
    void paidOkAtStakeIsZero() {
        ReconciledLine r = reconcile(line().billed("100.00").paid("100.00").build());
        assertThat(r.status()).isEqualTo(Status.PAID_OK);
        assertThat(r.amountAtStake()).isEqualByComparingTo("0");
    }

    // appeal deadline

    @Test
    void appealDeadlineIsPaymentDatePlusContractAppealDays() {
        ReconciledLine r = Lines.reconcile(line().paymentDate(DOS.plusDays(20)).build(),
                List.of(contract("*", Basis.CHARGE, "100").appealDays(90).build()), List.of(), List.of());
        assertThat(r.appealDeadline()).isEqualTo(DOS.plusDays(20).plusDays(90));
    }

    @Test
    void appealDeadlineWithoutPaymentDateCountsFromTheRunDate() {
        ReconciledLine r = Lines.reconcile(line().paymentDate(null).build(),
                List.of(contract("*", Basis.CHARGE, "100").appealDays(60).build()), List.of(), List.of());
        assertThat(r.appealDeadline()).isEqualTo(RUN_DATE.plusDays(60));
    }

    @Test
    void unprocessableLineHasNoAppealDeadline() {
        ReconciledLine r = reconcile(line().paid("0.00").adjustments("CO-16:100.00").remarks("M119", "MA130").build());
        assertThat(r.status()).isEqualTo(Status.DENIED_CO16);
        assertThat(r.appealDeadline()).as("MA130: no appeal rights").isNull();
        assertThat(r.resubmitBy()).isEqualTo(DOS.plusDays(365));
    }

    @Test
    void resubmitByIsServiceDatePlusContractTimelyFilingDays() {
        ReconciledLine r = Lines.reconcile(line().paymentDate(DOS.plusDays(20)).build(),
                List.of(contract("*", Basis.CHARGE, "100").timelyFilingDays(90).build()), List.of(), List.of());
        assertThat(r.resubmitBy()).isEqualTo(DOS.plusDays(90));
    }

    @Test
    void resubmitByDefaultsTo365DaysWithoutContract() {
        ReconciledLine r = Lines.reconcile(line().build(), List.of(), List.of(), List.of());
        assertThat(r.resubmitBy()).isEqualTo(DOS.plusDays(365));
    }

    @Test
    void adjustmentsAreKeptAsSent() {
        ReconciledLine r = reconcile(line().billed("100.00").paid("70.00")
                .adjustments("CO-45:20.00", "PR-2:10.00:1").build());
        assertThat(r.adjustments()).isEqualTo("CO-45:20.00;PR-2:10.00:1");
    }

    @Test
    void appealDaysDefaultTo180WithoutContract() {
        ReconciledLine r = Lines.reconcile(line().paymentDate(DOS).build(), List.of(), List.of(), List.of());
        assertThat(r.appealDeadline()).isEqualTo(DOS.plusDays(180));
    }
}
