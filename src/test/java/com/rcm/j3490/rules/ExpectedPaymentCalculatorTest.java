package com.rcm.j3490.rules;

import static com.rcm.j3490.rules.Lines.DOS;
import static com.rcm.j3490.rules.Lines.NDC_A;
import static com.rcm.j3490.rules.Lines.contract;
import static com.rcm.j3490.rules.Lines.d;
import static com.rcm.j3490.rules.Lines.invoice;
import static com.rcm.j3490.rules.Lines.line;
import static com.rcm.j3490.rules.Lines.pricing;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Contract 2.3: expected payment per basis, fallback, rounding. */
class ExpectedPaymentCalculatorTest {

    private static Optional<Pricing> price(RemittanceLine line, PayerContract contract, List<InvoiceLine> invoices,
            List<PricingRow> rows) {
        return new ExpectedPaymentCalculator(new InvoiceMatcher(invoices, 365), new PricingIndex(rows))
                .price(line, NDC_A, contract);
    }

    // INVOICE

    @Test
    void invoiceWithNdcQuantityIsOneExactFractionRoundedOnce() {
        // 30.25 x 9 x 110 / (3 x 100) = 99.825 -> 99.83 (dividing first would give 99.82)
        InvoiceLine inv = invoice("I1", DOS, NDC_A).unitCost("30.25").packageSize("3").build();
        Pricing p = price(line().ndcQuantity("9").build(), contract("*", Basis.INVOICE, "110").build(),
                List.of(inv), List.of()).orElseThrow();
        assertThat(p.expected()).isEqualByComparingTo("99.83");
        assertThat(p.expected().scale()).isEqualTo(2);
        assertThat(p.basis()).isEqualTo(Basis.INVOICE);
        assertThat(p.ratePercent()).isEqualByComparingTo("110");
        assertThat(p.invoice()).isSameAs(inv);
        assertThat(p.quantityAssumed()).isFalse();
    }

    @Test
    void invoiceWithoutNdcQuantityUsesUnitCostTimesUnitsBilledAndIsFlaggedQuantityAssumed() {
        // 12.34 x 3 x 110 / 100 = 40.722 -> 40.72; package_size is not used
        InvoiceLine inv = invoice("I1", DOS, NDC_A).unitCost("12.34").packageSize("5").build();
        Pricing p = price(line().unitsBilled("3").build(), contract("*", Basis.INVOICE, "110").build(),
                List.of(inv), List.of()).orElseThrow();
        assertThat(p.expected()).isEqualByComparingTo("40.72");
        assertThat(p.quantityAssumed()).isTrue();
    }

    @Test
    void invoiceCannotPriceWithoutAnInvoice() {
        assertThat(price(line().ndcQuantity("1").build(), contract("*", Basis.INVOICE, "110").build(),
                List.of(), List.of())).isEmpty();
    }

    @Test
    void unitMismatchWhenBothUnitsPresentAndDifferent() {
        InvoiceLine ml = invoice("I1", DOS, NDC_A).packageUnit("ML").build();
        PayerContract c = contract("*", Basis.INVOICE, "100").build();
        assertThat(price(line().ndcQuantity("2").ndcUnit("UN").build(), c, List.of(ml), List.of())
                .orElseThrow().unitMismatch()).isTrue();
        assertThat(price(line().ndcQuantity("2").ndcUnit("ML").build(), c, List.of(ml), List.of())
                .orElseThrow().unitMismatch()).isFalse();
        assertThat(price(line().ndcQuantity("2").ndcUnit(null).build(), c, List.of(ml), List.of())
                .orElseThrow().unitMismatch()).isFalse();
        // ndc_quantity not used: no mismatch
        assertThat(price(line().ndcUnit("UN").build(), c, List.of(ml), List.of())
                .orElseThrow().unitMismatch()).isFalse();
    }

    // ASP

    @Test
    void aspWithNdcQuantityConvertsToBillingUnits() {
        // billing units = 4 x 10 / 5 = 8; 2.50 x 8 x 106/106 = 20.00
        PricingRow row = pricing(NDC_A, "2.50", DOS.minusDays(10)).billingUnitsPerPackage("10").packageSize("5")
                .build();
        Pricing p = price(line().ndcQuantity("4").unitsBilled("99").build(), contract("*", Basis.ASP, "106").build(),
                List.of(), List.of(row)).orElseThrow();
        assertThat(p.expected()).isEqualByComparingTo("20.00");
        assertThat(p.basis()).isEqualTo(Basis.ASP);
        assertThat(p.invoice()).isNull();
    }

    @Test
    void aspRateIsScaledBy106() {
        // 2.50 x 8 x 100 / 106 = 18.8679... -> 18.87
        PricingRow row = pricing(NDC_A, "2.50", DOS.minusDays(10)).billingUnitsPerPackage("10").packageSize("5")
                .build();
        assertThat(price(line().ndcQuantity("4").build(), contract("*", Basis.ASP, "100").build(), List.of(),
                List.of(row)).orElseThrow().expected()).isEqualByComparingTo("18.87");
    }

    @Test
    void aspWithoutNdcQuantityUsesUnitsBilledAndRate106IsExactlyThePaymentLimit() {
        // 12.345 x 3 x 106/106 = 37.035 -> 37.04
        PricingRow row = pricing(NDC_A, "12.345", DOS.minusDays(10)).billingUnitsPerPackage("10").build();
        Pricing p = price(line().unitsBilled("3").build(), contract("*", Basis.ASP, "106").build(), List.of(),
                List.of(row)).orElseThrow();
        assertThat(p.expected()).isEqualByComparingTo("37.04");
        assertThat(p.quantityAssumed()).isFalse();
    }

    @Test
    void aspCannotPriceWithoutAPricingRowCoveringTheServiceDate() {
        PricingRow expired = pricing(NDC_A, "2.50", DOS.minusDays(100)).to(DOS.minusDays(1)).build();
        PricingRow future = pricing(NDC_A, "2.50", DOS.plusDays(1)).build();
        assertThat(price(line().build(), contract("*", Basis.ASP, "106").build(), List.of(),
                List.of(expired, future))).isEmpty();
    }

    // CHARGE

    @Test
    void chargeIsPercentOfBilled() {
        Pricing p = price(line().billed("250.00").build(), contract("*", Basis.CHARGE, "80").build(), List.of(),
                List.of()).orElseThrow();
        assertThat(p.expected()).isEqualByComparingTo("200.00");
        assertThat(p.basis()).isEqualTo(Basis.CHARGE);
    }

    @Test
    void roundingIsHalfUpAtTheCentBoundary() {
        // 10.05 x 50 / 100 = 5.025 -> 5.03 (half-even would give 5.02)
        assertThat(price(line().billed("10.05").build(), contract("*", Basis.CHARGE, "50").build(), List.of(),
                List.of()).orElseThrow().expected()).isEqualByComparingTo("5.03");
        // 10.0499 x 50 / 100 = 5.02495 -> 5.02
        assertThat(price(line().billed("10.0499").build(), contract("*", Basis.CHARGE, "50").build(), List.of(),
                List.of()).orElseThrow().expected()).isEqualByComparingTo("5.02");
    }

    // fallback and none

    @Test
    void fallbackPricesWhenThePrimaryBasisCannot() {
        PricingRow row = pricing(NDC_A, "10.00", DOS.minusDays(10)).build();
        PayerContract c = contract("*", Basis.INVOICE, "110").fallback(Basis.ASP, "106").build();
        Pricing p = price(line().unitsBilled("2").build(), c, List.of(), List.of(row)).orElseThrow();
        assertThat(p.basis()).isEqualTo(Basis.ASP);
        assertThat(p.ratePercent()).isEqualByComparingTo("106");
        assertThat(p.expected()).isEqualByComparingTo("20.00");
    }

    @Test
    void primaryWinsOverFallbackWhenItCanPrice() {
        InvoiceLine inv = invoice("I1", DOS, NDC_A).unitCost("5.00").build();
        PayerContract c = contract("*", Basis.INVOICE, "100").fallback(Basis.CHARGE, "100").build();
        Pricing p = price(line().unitsBilled("2").build(), c, List.of(inv), List.of()).orElseThrow();
        assertThat(p.basis()).isEqualTo(Basis.INVOICE);
        assertThat(p.expected()).isEqualByComparingTo("10.00");
    }

    @Test
    void noExpectedWhenNeitherBasisCanPrice() {
        PayerContract c = contract("*", Basis.INVOICE, "110").fallback(Basis.ASP, "106").build();
        assertThat(price(line().build(), c, List.of(), List.of())).isEmpty();
        assertThat(price(line().build(), contract("*", Basis.ASP, "106").build(), List.of(), List.of())).isEmpty();
    }

    @Test
    void noContractMeansNoExpected() {
        assertThat(price(line().build(), null, List.of(), List.of())).isEmpty();
        ReconciledLine r = Lines.reconcile(line().build(), List.of(contract("OTHER", Basis.CHARGE, "100").build()),
                List.of(), List.of());
        assertThat(r.expected()).isNull();
        assertThat(r.variance()).isNull();
        assertThat(r.basis()).isNull();
        assertThat(r.status()).isEqualTo(Status.NO_EXPECTED);
    }

    @Test
    void jwLineIsPricedOnItsDiscardedQuantity() {
        InvoiceLine inv = invoice("I1", DOS, NDC_A).unitCost("100.00").packageSize("10").build();
        Pricing p = price(line().modifiers("JW").ndcQuantity("3").build(), contract("*", Basis.INVOICE, "100").build(),
                List.of(inv), List.of()).orElseThrow();
        assertThat(p.expected()).isEqualByComparingTo("30.00");
    }

    @Test
    void reconcilerPricesOnThePayersContract() {
        List<PayerContract> contracts = List.of(
                contract("*", Basis.CHARGE, "50").build(),
                contract("P1", Basis.CHARGE, "80").build());
        assertThat(Lines.reconcile(line().billed("100.00").build(), contracts, List.of(), List.of()).expected())
                .isEqualByComparingTo("80.00");
        assertThat(Lines.reconcile(line().payerId("P2").billed("100.00").build(), contracts, List.of(), List.of())
                .expected()).isEqualByComparingTo("50.00");
    }

    @Test
    void expectedIsRoundedBeforeAnythingIsComparedWithIt() {
        // expected 99.825 -> 99.83; paid 99.83 gives variance 0.00 exactly
        InvoiceLine inv = invoice("I1", DOS, NDC_A).unitCost("30.25").packageSize("3").build();
        ReconciledLine r = Lines.reconcile(line().ndcQuantity("9").paid("99.83").build(),
                List.of(contract("*", Basis.INVOICE, "110").build()), List.of(inv), List.of());
        assertThat(r.expected()).isEqualTo(d("99.83"));
        assertThat(r.variance()).isEqualByComparingTo("0");
        assertThat(r.invoiceNumber()).isEqualTo("I1");
    }
}
