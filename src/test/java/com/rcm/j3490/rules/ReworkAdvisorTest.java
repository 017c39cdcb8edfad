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

    private static final String MA130_ACTION = "Returned as unprocessable, no appeal rights: correct the claim and "
            + "submit it as a new claim (not a corrected claim).";
    private static final String M119_ACTION = "Correct the NDC to 11 digits in 5-4-2 form with qualifier N4, plus unit "
            + "and quantity; resubmit as a corrected claim (frequency code 7).";
    private static final String DESCRIPTION_ACTION = "Add drug name, strength, dose and route in the line note "
            + "(loop 2400 NTE / box 19); resubmit.";
    private static final String DOCUMENTATION_ACTION = "Attach the invoice and supporting documentation (PWK) and resubmit.";
    private static final String OTHER_REMARKS_ACTION = "Supply the information the remark codes name; resubmit.";
    private static final String STATUS_4_ACTION = "Claim denied (claim status 4) with no payer adjustment reason on the "
            + "line: check the claim-level adjustments or call the payer for the reason, then correct or appeal.";

    private String co16(String... remarks) {
        return advisor.action(Status.DENIED_CO16, line().paid("0").adjustments("CO-16:100").remarks(remarks).build());
    }

    @Test
    void ma130OutranksEveryOtherRemark() {
        assertThat(co16("M119", "N350", "N29", "MA130")).isEqualTo(MA130_ACTION);
    }

    @Test
    void m119OutranksDescriptionAndDocumentationRemarks() {
        assertThat(co16("N29", "N350", "M119")).isEqualTo(M119_ACTION);
    }

    @Test
    void descriptionRemarksOutrankDocumentationRemarks() {
        assertThat(co16("N706", "M123")).isEqualTo(DESCRIPTION_ACTION);
        assertThat(co16("N29", "N350")).isEqualTo(DESCRIPTION_ACTION);
    }

    @Test
    void documentationRemarks() {
        assertThat(co16("N29")).isEqualTo(DOCUMENTATION_ACTION);
        assertThat(co16("N706")).isEqualTo(DOCUMENTATION_ACTION);
    }

    @Test
    void otherOrNoRemarks() {
        assertThat(co16("N56")).isEqualTo(OTHER_REMARKS_ACTION);
        assertThat(co16()).isEqualTo(OTHER_REMARKS_ACTION);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            DENIED_CO50  | Check the diagnosis against the payer's LCD/NCD or medical policy; appeal with a letter of medical necessity and clinical notes before the deadline.
            DENIED_CO151 | Verify benefit history and unit/frequency limits; appeal with clinical justification if supported, else move the balance per contract.
            UNDERPAID    | Dispute the underpayment: cite the contract basis and rate, attach the invoice or pricing, show expected vs reimbursed.
            OVERPAID     | Review for overpayment; refund if confirmed.
            NO_EXPECTED  | Find the acquisition invoice or ASP pricing for the NDC so the line can be priced.
            PATIENT_RESP | Bill the patient or the secondary payer for the patient-responsibility amount.
            REVERSED     | Confirm the reversal and the corrected claim or recoupment.
            """)
    void eachStatusHasItsAction(Status status, String expected) {
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
        assertThat(action).startsWith("Review denial reason CO-97 (").endsWith(") and correct or appeal accordingly.")
                .contains("CARC 97")
                .doesNotContain("CO-45").doesNotContain("PR-1").doesNotContain("OA-23").doesNotContain("PI-204");
    }

    @Test
    void deniedOtherWithoutAdjustmentStillHasAnAction() {
        assertThat(advisor.action(Status.DENIED_OTHER, line().claimStatus("4").paid("0").build()))
                .isEqualTo(STATUS_4_ACTION);
        assertThat(advisor.action(Status.DENIED_OTHER, line().claimStatus("4").paid("0").adjustments("PR-204:50.00").build()))
                .as("a PR adjustment is not the payer's denial reason")
                .isEqualTo(STATUS_4_ACTION);
    }

    @Test
    void reconcilerAttachesTheAction() {
        ReconciledLine r = Lines.reconcile(line().paid("0").adjustments("CO-16:100.00").remarks("M119").build(),
                Lines.chargeAtBilled(), List.of(), List.of());
        assertThat(r.reworkAction()).isEqualTo(M119_ACTION);
    }
}
