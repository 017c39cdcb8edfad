package com.rcm.j3490.rules;

import static com.rcm.j3490.rules.Lines.DOS;
import static com.rcm.j3490.rules.Lines.NDC_A;
import static com.rcm.j3490.rules.Lines.NDC_B;
import static com.rcm.j3490.rules.Lines.pricing;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Contract 2.3: the pricing row in effect for an NDC on the service date. */
class PricingIndexTest {

    private static Optional<String> limit(List<PricingRow> rows, Ndc ndc) {
        return new PricingIndex(rows).find(ndc, DOS).map(r -> r.paymentLimit().toPlainString());
    }

    @Test
    void rowWithTheLatestEffectiveFromWins() {
        List<PricingRow> rows = List.of(
                pricing(NDC_A, "1.00", DOS.minusDays(90)).build(),
                pricing(NDC_A, "2.00", DOS.minusDays(10)).build(),
                pricing(NDC_A, "3.00", DOS.minusDays(30)).build());
        assertThat(limit(rows, NDC_A)).contains("2.00");
    }

    @Test
    void tiesGoToTheFirstRowInTheFile() {
        List<PricingRow> rows = List.of(
                pricing(NDC_A, "1.00", DOS.minusDays(10)).build(),
                pricing(NDC_A, "2.00", DOS.minusDays(10)).build());
        assertThat(limit(rows, NDC_A)).contains("1.00");
    }

    @Test
    void onlyRowsWhosePeriodContainsTheServiceDateCount() {
        List<PricingRow> rows = List.of(
                pricing(NDC_A, "1.00", DOS.minusDays(90)).build(),
                pricing(NDC_A, "2.00", DOS.minusDays(10)).to(DOS.minusDays(1)).build(),
                pricing(NDC_A, "3.00", DOS.plusDays(1)).build());
        assertThat(limit(rows, NDC_A)).contains("1.00");
    }

    @Test
    void periodBoundsAreInclusive() {
        assertThat(limit(List.of(pricing(NDC_A, "1.00", DOS).to(DOS).build()), NDC_A)).contains("1.00");
    }

    @Test
    void otherNdcOrNoNdcFindsNothing() {
        List<PricingRow> rows = List.of(pricing(NDC_A, "1.00", DOS.minusDays(90)).build());
        assertThat(limit(rows, NDC_B)).isEmpty();
        assertThat(limit(rows, null)).isEmpty();
        assertThat(new PricingIndex(rows).knows(NDC_A)).isTrue();
        assertThat(new PricingIndex(rows).knows(NDC_B)).isFalse();
    }
}
