package com.rcm.j3490.rules;

import static com.rcm.j3490.rules.Lines.DOS;
import static com.rcm.j3490.rules.Lines.contract;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Contract 2.3 / 1.4: which payer contract applies. */
class ContractBookTest {

    private static Optional<String> rate(List<PayerContract> contracts, String payer) {
        return new ContractBook(contracts).find(payer, DOS).map(c -> c.ratePercent().toPlainString());
    }

    @Test
    void payersOwnRowWinsOverTheDefaultRow() {
        List<PayerContract> contracts = List.of(
                contract("*", Basis.CHARGE, "50").build(),
                contract("P1", Basis.CHARGE, "80").build());
        assertThat(rate(contracts, "P1")).contains("80");
    }

    @Test
    void defaultRowServesPayersNotListed() {
        List<PayerContract> contracts = List.of(
                contract("P1", Basis.CHARGE, "80").build(),
                contract("*", Basis.CHARGE, "50").build());
        assertThat(rate(contracts, "P2")).contains("50");
    }

    @Test
    void defaultRowServesAListedPayerWhoseRowsDoNotCoverTheDate() {
        List<PayerContract> contracts = List.of(
                contract("P1", Basis.CHARGE, "80").period(DOS.plusDays(1), null).build(),
                contract("P1", Basis.CHARGE, "70").period(null, DOS.minusDays(1)).build(),
                contract("*", Basis.CHARGE, "50").build());
        assertThat(rate(contracts, "P1")).contains("50");
    }

    @Test
    void periodBoundsAreInclusive() {
        assertThat(rate(List.of(contract("P1", Basis.CHARGE, "80").period(DOS, DOS).build()), "P1")).contains("80");
        assertThat(rate(List.of(contract("P1", Basis.CHARGE, "80").period(DOS, null).build()), "P1")).contains("80");
        assertThat(rate(List.of(contract("P1", Basis.CHARGE, "80").period(null, DOS).build()), "P1")).contains("80");
    }

    @Test
    void defaultRowOutsideItsPeriodDoesNotApply() {
        List<PayerContract> contracts = List.of(
                contract("*", Basis.CHARGE, "50").period(DOS.plusDays(1), null).build());
        assertThat(rate(contracts, "P1")).isEmpty();
    }

    @Test
    void noRowsMeansNoContract() {
        assertThat(rate(List.of(), "P1")).isEmpty();
    }

    @Test
    void firstRowInTheFileWinsWhenSeveralCoverTheDate() {
        List<PayerContract> contracts = List.of(
                contract("P1", Basis.CHARGE, "70").period(DOS.minusDays(30), DOS.plusDays(30)).build(),
                contract("P1", Basis.CHARGE, "80").period(DOS.minusDays(1), DOS.plusDays(1)).build(),
                contract("*", Basis.CHARGE, "50").build(),
                contract("*", Basis.CHARGE, "40").build());
        assertThat(rate(contracts, "P1")).contains("70");
        assertThat(rate(contracts, "P9")).contains("50");
    }
}
