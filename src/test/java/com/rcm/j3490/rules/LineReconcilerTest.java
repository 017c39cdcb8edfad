package com.rcm.j3490.rules;

import static com.rcm.j3490.rules.Lines.DOS;
import static com.rcm.j3490.rules.Lines.NDC_A;
import static com.rcm.j3490.rules.Lines.contract;
import static com.rcm.j3490.rules.Lines.invoice;
import static com.rcm.j3490.rules.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Denial codes text, reimbursed, variance and what a reconciled line carries. */
class LineReconcilerTest {

    @Test
    void denialCodesArePositiveNonPrNonCo45InInputOrderWithoutRepeats() {
        RemittanceLine l = line().paid("0").adjustments("OA-23:5.00", "CO-97:10.00", "PR-1:5.00", "CO-45:3.00",
                "CO-16:0.00", "CO-50:-1.00", "CO-97:2.00", "PI-204:1.00", "CR-A1:1.00").build();
        assertThat(LineReconciler.denialCodes(l)).containsExactly("OA-23", "CO-97", "PI-204", "CR-A1");
        ReconciledLine r = Lines.reconcile(l, Lines.chargeAtBilled(), List.of(), List.of());
        assertThat(r.denialCodes()).containsExactly("OA-23", "CO-97", "PI-204", "CR-A1");
    }

    @Test
    void co45AndPrAreNeverDenialCodesButOtherCo45LikeCodesAre() {
        RemittanceLine l = line().adjustments("CO-45:10.00", "PR-45:10.00", "OA-45:10.00").build();
        assertThat(LineReconciler.denialCodes(l)).containsExactly("OA-45");
    }

    @Test
    void reimbursedIsPaidPlusPrAdjustments() {
        ReconciledLine r = Lines.reconcile(line().billed("100.00").paid("50.00")
                .adjustments("PR-1:5.00", "CO-45:10.00", "PR-2:2.50", "OA-23:3.00").build(),
                Lines.chargeAtBilled(), List.of(), List.of());
        assertThat(r.reimbursed()).isEqualByComparingTo("57.50");
        assertThat(r.reimbursed().scale()).isEqualTo(2);
    }

    @Test
    void varianceIsReimbursedMinusExpected() {
        ReconciledLine r = Lines.reconcile(line().billed("200.00").paid("150.00").adjustments("PR-3:20.00").build(),
                List.of(contract("*", Basis.CHARGE, "80").build()), List.of(), List.of());
        assertThat(r.expected()).isEqualByComparingTo("160.00");
        assertThat(r.variance()).isEqualByComparingTo("10.00");
        assertThat(r.status()).isEqualTo(Status.OVERPAID);
    }

    @Test
    void reconciledLineCarriesBasisRateInvoiceAndFormattedNdc() {
        ReconciledLine r = Lines.reconcile(line().ndc("N4 1234-5678-90").ndcQuantity("2").build(),
                List.of(contract("*", Basis.INVOICE, "110").build()),
                List.of(invoice("INV-7", DOS, Lines.ndc("01234567890")).unitCost("10.00").build()), List.of());
        assertThat(r.ndc()).isEqualTo("01234-5678-90");
        assertThat(r.basis()).isEqualTo(Basis.INVOICE);
        assertThat(r.ratePercent()).isEqualByComparingTo("110");
        assertThat(r.invoiceNumber()).isEqualTo("INV-7");
        assertThat(r.expected()).isEqualByComparingTo("22.00");
    }

    @Test
    void invoiceNumberIsBlankWhenNotPricedOnAnInvoice() {
        ReconciledLine r = Lines.reconcile(line().build(), Lines.chargeAtBilled(),
                List.of(invoice("INV-7", DOS, NDC_A).build()), List.of());
        assertThat(r.basis()).isEqualTo(Basis.CHARGE);
        assertThat(r.invoiceNumber()).isNull();
    }

    /** Issue 12 case 4: a payer whose contract row was rejected is priced on the default row, flagged. */
    @Test
    void aPayerThatLostAContractRowIsFlaggedNotSilentlyMovedToTheDefault() {
        ContractBook book = new ContractBook(List.of(contract("*", Basis.CHARGE, "80").build()), java.util.Set.of("P2"));
        LineReconciler reconciler = new LineReconciler(book, new InvoiceMatcher(List.of(), 365),
                new PricingIndex(List.of()), Lines.DESCRIPTIONS);
        ReconciledLine lost = reconciler.reconcile(line().payerId("P2").billed("100.00").paid("80.00").build(), Lines.RUN_DATE);
        ReconciledLine other = reconciler.reconcile(line().payerId("P1").billed("100.00").paid("80.00").build(), Lines.RUN_DATE);
        assertThat(lost.flags()).contains(Flag.CONTRACT_ROW_REJECTED);
        assertThat(lost.expected()).isEqualByComparingTo("80.00");
        assertThat(other.flags()).doesNotContain(Flag.CONTRACT_ROW_REJECTED);
        assertThat(book.payersWithRejectedRows()).containsExactly("P2");
    }

    @Test
    void aRejectedDefaultRowFlagsTheLinesThatHaveNoContractOfTheirOwn() {
        ContractBook book = new ContractBook(List.of(contract("P1", Basis.CHARGE, "80").build()), java.util.Set.of("*"));
        LineReconciler reconciler = new LineReconciler(book, new InvoiceMatcher(List.of(), 365),
                new PricingIndex(List.of()), Lines.DESCRIPTIONS);
        assertThat(reconciler.reconcile(line().payerId("P9").build(), Lines.RUN_DATE).flags())
                .contains(Flag.CONTRACT_ROW_REJECTED);
        assertThat(reconciler.reconcile(line().payerId("P1").build(), Lines.RUN_DATE).flags())
                .doesNotContain(Flag.CONTRACT_ROW_REJECTED);
    }
}
