package com.rcm.j3490.rules;

import static com.rcm.j3490.rules.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Contract 2.5: one rework action per actionable line, the first matching row wins. */
class ReworkAdvisorTest {
    private final ReworkAdvisor advisor = new ReworkAdvisor(Lines.DESCRIPTIONS);

    private String co16(String... remarks) {
        return advisor.action(Status.DENIED_CO16, line().paid("0").adjustments("CO-16:100").remarks(remarks).build());
    }

    @Test
    void ma130OutranksEveryOtherRemark() {
        assertThat(co16("M119", "N350", "N29", "MA130")).isEqualTo(ReworkAdvisor.CO16_MA130);
    }

    @Test
    void m119OutranksDescriptionAndDocumentationRemarks() {
        assertThat(co16("N29", "N350", "M119")).isEqualTo(ReworkAdvisor.CO16_M119);
    }

    @Test
    void descriptionRemarksOutrankDocumentationRemarks() {
        assertThat(co16("N706", "M123")).isEqualTo(ReworkAdvisor.CO16_DESCRIPTION);
        assertThat(co16("N29", "N350")).isEqualTo(ReworkAdvisor.CO16_DESCRIPTION);
    }

    @Test
    void documentationRemarks() {
        assertThat(co16("N29")).isEqualTo(ReworkAdvisor.CO16_DOCUMENTATION);
        assertThat(co16("N706")).isEqualTo(ReworkAdvisor.CO16_DOCUMENTATION);
    }

    @Test
    void otherOrNoRemarks() {
        assertThat(co16("N56")).isEqualTo(ReworkAdvisor.CO16_OTHER);
        assertThat(co16()).isEqualTo(ReworkAdvisor.CO16_OTHER);
    }

    @Test
    void actionTextsSayWhatToDo() {
        assertThat(ReworkAdvisor.CO16_MA130).containsIgnoringCase("new claim");
        assertThat(ReworkAdvisor.CO16_M119).contains("5-4-2").contains("N4").contains("7");
        assertThat(ReworkAdvisor.CO16_DESCRIPTION).contains("NTE");
        assertThat(ReworkAdvisor.CO16_DOCUMENTATION).contains("PWK");
        assertThat(ReworkAdvisor.CO50).contains("LCD/NCD");
    }

    @ParameterizedTest
    @CsvSource({
            "DENIED_CO50, CO50",
            "DENIED_CO151, CO151",
            "UNDERPAID, UNDERPAID",
            "OVERPAID, OVERPAID",
            "NO_EXPECTED, NO_EXPECTED",
            "PATIENT_RESP, PATIENT_RESP",
            "REVERSED, REVERSED"})
    void eachStatusHasItsAction(Status status, String constant) throws Exception {
        String expected = (String) ReworkAdvisor.class.getDeclaredField(constant).get(null);
        assertThat(advisor.action(status, line().remarks("MA130", "M119").build())).isEqualTo(expected);
    }

    @Test
    void paidOkNeedsNoAction() {
        assertThat(advisor.action(Status.PAID_OK, line().build())).isNull();
    }

    @Test
    void deniedOtherNamesTheLargestPositiveAdjustmentThatIsNeitherPrNorCo45() {
        RemittanceLine l = line().paid("0").adjustments("CO-45:500.00", "PR-1:300.00", "OA-23:20.00", "CO-97:80.00",
                "PI-204:-200.00").build();
        String action = advisor.action(Status.DENIED_OTHER, l);
        assertThat(action).contains("CO-97").contains("CARC 97")
                .doesNotContain("CO-45").doesNotContain("PR-1").doesNotContain("OA-23").doesNotContain("PI-204");
    }

    @Test
    void deniedOtherWithoutAdjustmentStillHasAnAction() {
        assertThat(advisor.action(Status.DENIED_OTHER, line().claimStatus("4").paid("0").build()))
                .isEqualTo(ReworkAdvisor.DENIED_WITHOUT_REASON);
        assertThat(advisor.action(Status.DENIED_OTHER, line().claimStatus("4").paid("0").adjustments("PR-204:50.00").build()))
                .as("a PR adjustment is not the payer's denial reason")
                .isEqualTo(ReworkAdvisor.DENIED_WITHOUT_REASON);
    }

    @Test
    void reconcilerAttachesTheAction() {
        ReconciledLine r = Lines.reconcile(line().paid("0").adjustments("CO-16:100.00").remarks("M119").build(),
                Lines.chargeAtBilled(), List.of(), List.of());
        assertThat(r.reworkAction()).isEqualTo(ReworkAdvisor.CO16_M119);
    }
}
