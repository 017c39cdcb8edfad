package com.rcm.j3490.rules;

import static com.rcm.j3490.rules.Lines.DOS;
import static com.rcm.j3490.rules.Lines.NDC_A;
import static com.rcm.j3490.rules.Lines.NDC_B;
import static com.rcm.j3490.rules.Lines.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Contract 2.2: which invoice prices a line. */
class InvoiceMatcherTest {

    private static Optional<String> match(List<InvoiceLine> invoices, String claimId, Ndc ndc) {
        return match(invoices, 365, claimId, ndc);
    }

    private static Optional<String> match(List<InvoiceLine> invoices, int lookback, String claimId, Ndc ndc) {
        return new InvoiceMatcher(invoices, lookback).match(claimId, ndc, DOS).map(InvoiceLine::invoiceNumber);
    }

    // step 1: bought for this claim

    @Test
    void claimSpecificInvoiceWithBlankNdcServesItsClaimBeforeAnyGeneralInvoice() {
        List<InvoiceLine> invoices = List.of(
                invoice("GEN", DOS.minusDays(1), NDC_A).build(),
                invoice("CLAIM", DOS.plusDays(100), null).claimId("C1").build());
        assertThat(match(invoices, "C1", NDC_A)).contains("CLAIM");
    }

    @Test
    void claimSpecificInvoiceWithBlankNdcServesALineWithoutNdc() {
        List<InvoiceLine> invoices = List.of(invoice("CLAIM", DOS, null).claimId("C1").build());
        assertThat(match(invoices, "C1", null)).contains("CLAIM");
    }

    @Test
    void claimSpecificInvoiceWithTheLinesNdcServesTheClaim() {
        List<InvoiceLine> invoices = List.of(
                invoice("GEN", DOS.minusDays(1), NDC_A).build(),
                invoice("CLAIM", DOS.minusDays(200), NDC_A).claimId("C1").build());
        assertThat(match(invoices, "C1", NDC_A)).contains("CLAIM");
    }

    @Test
    void claimSpecificInvoiceWithADifferentNdcIsNotUsed() {
        List<InvoiceLine> invoices = List.of(
                invoice("GEN", DOS.minusDays(1), NDC_A).build(),
                invoice("CLAIM", DOS, NDC_B).claimId("C1").build());
        assertThat(match(invoices, "C1", NDC_A)).contains("GEN");
        assertThat(match(List.of(invoices.get(1)), "C1", NDC_A)).isEmpty();
    }

    @Test
    void claimSpecificInvoiceServesNoOtherClaim() {
        List<InvoiceLine> invoices = List.of(
                invoice("OTHER", DOS.minusDays(1), NDC_A).claimId("C2").build(),
                invoice("BLANK", DOS.minusDays(1), null).claimId("C2").build());
        assertThat(match(invoices, "C1", NDC_A)).isEmpty();
    }

    @Test
    void claimSpecificLatestByDateWins() {
        List<InvoiceLine> invoices = List.of(
                invoice("A", DOS.plusDays(5), NDC_A).claimId("C1").build(),
                invoice("B", DOS.plusDays(40), null).claimId("C1").build(),
                invoice("C", DOS.minusDays(5), NDC_A).claimId("C1").build());
        assertThat(match(invoices, "C1", NDC_A)).contains("B");
    }

    @Test
    void claimSpecificTiesGoToTheHighestInvoiceNumberAsText() {
        List<InvoiceLine> invoices = List.of(
                invoice("9", DOS, NDC_A).claimId("C1").build(),
                invoice("10", DOS, NDC_A).claimId("C1").build());
        assertThat(match(invoices, "C1", NDC_A)).contains("9");
    }

    // step 2: latest on or before the service date

    @Test
    void latestInvoiceOnOrBeforeTheServiceDate() {
        List<InvoiceLine> invoices = List.of(
                invoice("OLD", DOS.minusDays(10), NDC_A).build(),
                invoice("RECENT", DOS.minusDays(5), NDC_A).build(),
                invoice("AFTER", DOS.plusDays(1), NDC_A).build(),
                invoice("OTHER-NDC", DOS.minusDays(1), NDC_B).build());
        assertThat(match(invoices, "C1", NDC_A)).contains("RECENT");
    }

    @Test
    void invoiceOnTheServiceDateCountsAsOnOrBefore() {
        List<InvoiceLine> invoices = List.of(
                invoice("BEFORE", DOS.minusDays(3), NDC_A).build(),
                invoice("SAME-DAY", DOS, NDC_A).build(),
                invoice("AFTER", DOS.plusDays(1), NDC_A).build());
        assertThat(match(invoices, "C1", NDC_A)).contains("SAME-DAY");
    }

    @Test
    void asOfTiesGoToTheHighestInvoiceNumberAsText() {
        List<InvoiceLine> invoices = List.of(
                invoice("INV-9", DOS.minusDays(2), NDC_A).build(),
                invoice("INV-10", DOS.minusDays(2), NDC_A).build(),
                invoice("INV-1", DOS.minusDays(2), NDC_A).build());
        assertThat(match(invoices, "C1", NDC_A)).contains("INV-9");
    }

    @Test
    void lookbackIncludesExactly365DaysBefore() {
        List<InvoiceLine> invoices = List.of(invoice("EDGE", DOS.minusDays(365), NDC_A).build());
        assertThat(match(invoices, "C1", NDC_A)).contains("EDGE");
    }

    @Test
    void lookbackExcludes366DaysBefore() {
        List<InvoiceLine> invoices = List.of(invoice("STALE", DOS.minusDays(366), NDC_A).build());
        assertThat(match(invoices, "C1", NDC_A)).isEmpty();
    }

    @Test
    void lookbackIsConfigurable() {
        List<InvoiceLine> edge = List.of(invoice("EDGE", DOS.minusDays(30), NDC_A).build());
        List<InvoiceLine> stale = List.of(invoice("STALE", DOS.minusDays(31), NDC_A).build());
        assertThat(match(edge, 30, "C1", NDC_A)).contains("EDGE");
        assertThat(match(stale, 30, "C1", NDC_A)).isEmpty();
    }

    @Test
    void staleInvoiceBeforeFallsThroughToTheStepAfter() {
        List<InvoiceLine> invoices = List.of(
                invoice("STALE", DOS.minusDays(400), NDC_A).build(),
                invoice("AFTER", DOS.plusDays(10), NDC_A).build());
        assertThat(match(invoices, "C1", NDC_A)).contains("AFTER");
    }

    // step 3: earliest at most 30 days after

    @Test
    void earliestInvoiceAfterTheServiceDate() {
        List<InvoiceLine> invoices = List.of(
                invoice("LATER", DOS.plusDays(20), NDC_A).build(),
                invoice("EARLIER", DOS.plusDays(5), NDC_A).build());
        assertThat(match(invoices, "C1", NDC_A)).contains("EARLIER");
    }

    @Test
    void afterTiesGoToTheLowestInvoiceNumberAsText() {
        List<InvoiceLine> invoices = List.of(
                invoice("INV-9", DOS.plusDays(2), NDC_A).build(),
                invoice("INV-10", DOS.plusDays(2), NDC_A).build());
        assertThat(match(invoices, "C1", NDC_A)).contains("INV-10");
    }

    @Test
    void thirtyDaysAfterIsIncluded() {
        assertThat(match(List.of(invoice("EDGE", DOS.plusDays(30), NDC_A).build()), "C1", NDC_A)).contains("EDGE");
    }

    @Test
    void thirtyOneDaysAfterIsExcluded() {
        assertThat(match(List.of(invoice("LATE", DOS.plusDays(31), NDC_A).build()), "C1", NDC_A)).isEmpty();
    }

    // step 4: none

    @Test
    void noInvoiceForTheNdcMeansNone() {
        List<InvoiceLine> invoices = List.of(invoice("OTHER", DOS, NDC_B).build());
        assertThat(match(invoices, "C1", NDC_A)).isEmpty();
    }

    @Test
    void lineWithoutNdcGetsNoGeneralInvoice() {
        List<InvoiceLine> invoices = List.of(invoice("GEN", DOS, NDC_A).build());
        assertThat(match(invoices, "C1", null)).isEmpty();
    }

    @Test
    void knowsEveryNdcNamedOnAnInvoice() {
        InvoiceMatcher matcher = new InvoiceMatcher(List.of(
                invoice("GEN", DOS, NDC_A).build(),
                invoice("CLAIM", DOS, NDC_B).claimId("C9").build()), 365);
        assertThat(matcher.knows(NDC_A)).isTrue();
        assertThat(matcher.knows(NDC_B)).isTrue();
        assertThat(matcher.knows(Lines.ndc("00000000000"))).isFalse();
    }
}
