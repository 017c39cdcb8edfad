package com.rcm.j3490.rules;

import static com.rcm.j3490.rules.Lines.DOS;
import static com.rcm.j3490.rules.Lines.NDC_A;
import static com.rcm.j3490.rules.Lines.contract;
import static com.rcm.j3490.rules.Lines.invoice;
import static com.rcm.j3490.rules.Lines.line;
import static com.rcm.j3490.rules.Lines.pricing;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Contract 2.6: each flag set when its condition holds and not otherwise. */
class FlagEvaluatorTest {
    private static final List<PayerContract> INVOICE_110 = List.of(contract("*", Basis.INVOICE, "110").build());
    private static final List<PayerContract> ASP_106 = List.of(contract("*", Basis.ASP, "106").build());

    private static Set<Flag> flags(RemittanceLine line) {
        return flags(line, Lines.chargeAtBilled(), List.of(), List.of());
    }

    private static Set<Flag> flags(RemittanceLine line, List<PayerContract> contracts, List<InvoiceLine> invoices,
            List<PricingRow> rows) {
        return Lines.reconcile(line, contracts, invoices, rows).flags();
    }

    @Test
    void cleanLineHasNoFlags() {
        assertThat(flags(line().build())).isEmpty();
    }

    @Test
    void ndcMissing() {
        assertThat(flags(line().ndc(null).build())).contains(Flag.NDC_MISSING).doesNotContain(Flag.NDC_INVALID);
        assertThat(flags(line().ndc(" ").build())).contains(Flag.NDC_MISSING);
        assertThat(flags(line().build())).doesNotContain(Flag.NDC_MISSING);
    }

    @Test
    void ndcInvalid() {
        assertThat(flags(line().ndc("12AB5678901").build())).contains(Flag.NDC_INVALID)
                .doesNotContain(Flag.NDC_MISSING);
        assertThat(flags(line().ndc("1234567890").build())).as("unresolved 10-digit").contains(Flag.NDC_INVALID);
        assertThat(flags(line().ndc("1234-5678-90").build())).doesNotContain(Flag.NDC_INVALID);
    }

    @Test
    void invalidNdcIsShownAsGivenAndNeverGuessed() {
        ReconciledLine r = Lines.reconcile(line().ndc("1234567890").build(), INVOICE_110,
                List.of(invoice("I1", DOS, Lines.ndc("01234567890")).build(),
                        invoice("I2", DOS, Lines.ndc("12345678900")).build()), List.of());
        assertThat(r.ndc()).isEqualTo("1234567890");
        assertThat(r.expected()).isNull();
        assertThat(r.flags()).contains(Flag.NDC_INVALID);
    }

    @Test
    void jwJzMissing() {
        assertThat(flags(line().modifiers().build())).contains(Flag.JW_JZ_MISSING);
        assertThat(flags(line().modifiers("59").build())).contains(Flag.JW_JZ_MISSING);
        assertThat(flags(line().modifiers("JW").build())).doesNotContain(Flag.JW_JZ_MISSING);
        assertThat(flags(line().modifiers("59", "JZ").build())).doesNotContain(Flag.JW_JZ_MISSING);
    }

    @Test
    void jwAndJz() {
        assertThat(flags(line().modifiers("JW", "JZ").build())).contains(Flag.JW_AND_JZ)
                .doesNotContain(Flag.JW_JZ_MISSING);
        assertThat(flags(line().modifiers("JW").build())).doesNotContain(Flag.JW_AND_JZ);
        assertThat(flags(line().modifiers("JZ").build())).doesNotContain(Flag.JW_AND_JZ);
    }

    @Test
    void specificCodeExists() {
        PricingRow specific = pricing(NDC_A, "1.00", DOS.minusDays(5)).hcpcsCode("J9035").build();
        PricingRow noc = pricing(NDC_A, "1.00", DOS.minusDays(5)).hcpcsCode("J3490").build();
        PricingRow none = pricing(NDC_A, "1.00", DOS.minusDays(5)).build();
        PricingRow expired = pricing(NDC_A, "1.00", DOS.minusDays(50)).to(DOS.minusDays(1)).hcpcsCode("J9035")
                .build();
        List<PayerContract> c = Lines.chargeAtBilled();
        assertThat(flags(line().build(), c, List.of(), List.of(specific))).contains(Flag.SPECIFIC_CODE_EXISTS);
        assertThat(flags(line().build(), c, List.of(), List.of(noc))).doesNotContain(Flag.SPECIFIC_CODE_EXISTS);
        assertThat(flags(line().build(), c, List.of(), List.of(none))).doesNotContain(Flag.SPECIFIC_CODE_EXISTS);
        assertThat(flags(line().build(), c, List.of(), List.of(expired))).doesNotContain(Flag.SPECIFIC_CODE_EXISTS);
    }

    @Test
    void drugDescriptionMissing() {
        assertThat(flags(line().drugName(null).build())).contains(Flag.DRUG_DESCRIPTION_MISSING);
        assertThat(flags(line().drugName("  ").build())).contains(Flag.DRUG_DESCRIPTION_MISSING);
        assertThat(flags(line().drugName("Drug 5 mg").build())).doesNotContain(Flag.DRUG_DESCRIPTION_MISSING);
    }

    @Test
    void invoiceAfterDos() {
        InvoiceLine after = invoice("AFTER", DOS.plusDays(3), NDC_A).build();
        InvoiceLine before = invoice("BEFORE", DOS.minusDays(3), NDC_A).build();
        InvoiceLine sameDay = invoice("SAME", DOS, NDC_A).build();
        InvoiceLine claimAfter = invoice("CLAIM", DOS.plusDays(60), null).claimId("C1").build();
        RemittanceLine l = line().ndcQuantity("1").build();
        assertThat(flags(l, INVOICE_110, List.of(after), List.of())).contains(Flag.INVOICE_AFTER_DOS);
        assertThat(flags(l, INVOICE_110, List.of(claimAfter), List.of())).as("claim-specific step")
                .contains(Flag.INVOICE_AFTER_DOS);
        assertThat(flags(l, INVOICE_110, List.of(before), List.of())).doesNotContain(Flag.INVOICE_AFTER_DOS);
        assertThat(flags(l, INVOICE_110, List.of(sameDay), List.of())).doesNotContain(Flag.INVOICE_AFTER_DOS);
        // not priced on the invoice: no flag
        PricingRow row = pricing(NDC_A, "1.00", DOS.minusDays(5)).build();
        assertThat(flags(l, ASP_106, List.of(after), List.of(row))).doesNotContain(Flag.INVOICE_AFTER_DOS);
    }

    @Test
    void quantityAssumed() {
        InvoiceLine inv = invoice("I1", DOS, NDC_A).build();
        PricingRow row = pricing(NDC_A, "1.00", DOS.minusDays(5)).build();
        assertThat(flags(line().ndcQuantity(null).build(), INVOICE_110, List.of(inv), List.of()))
                .contains(Flag.QUANTITY_ASSUMED);
        assertThat(flags(line().ndcQuantity("2").build(), INVOICE_110, List.of(inv), List.of()))
                .doesNotContain(Flag.QUANTITY_ASSUMED);
        assertThat(flags(line().ndcQuantity(null).build(), ASP_106, List.of(), List.of(row)))
                .doesNotContain(Flag.QUANTITY_ASSUMED);
    }

    @Test
    void unitMismatch() {
        InvoiceLine un = invoice("I1", DOS, NDC_A).packageUnit("UN").build();
        assertThat(flags(line().ndcQuantity("2").ndcUnit("ML").build(), INVOICE_110, List.of(un), List.of()))
                .contains(Flag.UNIT_MISMATCH);
        assertThat(flags(line().ndcQuantity("2").ndcUnit("UN").build(), INVOICE_110, List.of(un), List.of()))
                .doesNotContain(Flag.UNIT_MISMATCH);
        assertThat(flags(line().ndcQuantity(null).ndcUnit("ML").build(), INVOICE_110, List.of(un), List.of()))
                .doesNotContain(Flag.UNIT_MISMATCH);
        PricingRow row = pricing(NDC_A, "1.00", DOS.minusDays(5)).build();
        assertThat(flags(line().ndcQuantity("2").ndcUnit("ML").build(), ASP_106, List.of(un), List.of(row)))
                .as("priced on ASP").doesNotContain(Flag.UNIT_MISMATCH);
    }

    @Test
    void remarkCodeMissing() {
        assertThat(flags(line().paid("0").adjustments("CO-16:100.00").build())).contains(Flag.REMARK_CODE_MISSING);
        assertThat(flags(line().paid("0").adjustments("CO-16:100.00").remarks("N56").build()))
                .doesNotContain(Flag.REMARK_CODE_MISSING);
        assertThat(flags(line().paid("0").adjustments("CO-50:100.00").build()))
                .doesNotContain(Flag.REMARK_CODE_MISSING);
    }

    @Test
    void outOfBalance() {
        assertThat(flags(line().billed("100.00").paid("60.00").adjustments("CO-45:30.00").build()))
                .contains(Flag.OUT_OF_BALANCE);
        assertThat(flags(line().billed("100.00").paid("60.00").adjustments("CO-45:30.00", "PR-1:10.00").build()))
                .doesNotContain(Flag.OUT_OF_BALANCE);
        assertThat(flags(line().billed("100.00").paid("60.00").build())).as("no adjustments")
                .doesNotContain(Flag.OUT_OF_BALANCE);
        assertThat(flags(line().billed("100.00").paid("60").adjustments("CO-45:40").build())).as("scale ignored")
                .doesNotContain(Flag.OUT_OF_BALANCE);
    }

    @Test
    void flagsNeverChangeTheStatus() {
        ReconciledLine r = Lines.reconcile(line().ndc(null).modifiers().drugName(null).build(), Lines.chargeAtBilled(),
                List.of(), List.of());
        assertThat(r.flags()).contains(Flag.NDC_MISSING, Flag.JW_JZ_MISSING, Flag.DRUG_DESCRIPTION_MISSING);
        assertThat(r.status()).isEqualTo(Status.PAID_OK);
        assertThat(r.flagsText()).isEqualTo("NDC_MISSING;JW_JZ_MISSING;DRUG_DESCRIPTION_MISSING");
    }

    /** Issue 12 case 7: free text cut at the input is flagged. */
    @Test
    void truncatedFreeTextIsFlagged() {
        String cut = "Drug" + com.rcm.j3490.rules.Flag.TRUNCATION_MARKER;
        assertThat(Lines.reconcile(Lines.line().drugName(cut).build(), Lines.chargeAtBilled(),
                java.util.List.of(), java.util.List.of()).flags()).contains(Flag.TEXT_TRUNCATED);
        assertThat(Lines.reconcile(Lines.line().drugName("Drug").build(), Lines.chargeAtBilled(),
                java.util.List.of(), java.util.List.of()).flags()).doesNotContain(Flag.TEXT_TRUNCATED);
    }
}
