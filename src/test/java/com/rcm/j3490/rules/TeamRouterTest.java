package com.rcm.j3490.rules;

import static com.rcm.j3490.rules.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TeamRouterTest {

    @Test
    void co16RoutesByRemarkCode() {
        assertThat(TeamRouter.team(Status.DENIED_CO16, line().remarks("MA130;M119").build())).isEqualTo(TeamRouter.BILLING);
        assertThat(TeamRouter.team(Status.DENIED_CO16, line().remarks("M119").build())).isEqualTo(TeamRouter.CODING);
        assertThat(TeamRouter.team(Status.DENIED_CO16, line().remarks("N350").build())).isEqualTo(TeamRouter.CODING);
        assertThat(TeamRouter.team(Status.DENIED_CO16, line().remarks("N706").build()))
                .isEqualTo(TeamRouter.CLINICAL_DOCUMENTATION);
        assertThat(TeamRouter.team(Status.DENIED_CO16, line().build())).isEqualTo(TeamRouter.BILLING);
    }

    @Test
    void medicalNecessityAndBenefitLimits() {
        assertThat(TeamRouter.team(Status.DENIED_CO50, line().build())).isEqualTo(TeamRouter.CLINICAL_DOCUMENTATION);
        assertThat(TeamRouter.team(Status.DENIED_CO151, line().build())).isEqualTo(TeamRouter.AUTHORIZATION);
    }

    @Test
    void deniedOtherFollowsTheAdjustmentTheActionNames() {
        assertThat(TeamRouter.team(Status.DENIED_OTHER, line().paid("0").adjustments("CO-197:80.00", "CO-4:20.00").build()))
                .isEqualTo(TeamRouter.AUTHORIZATION);
        assertThat(TeamRouter.team(Status.DENIED_OTHER, line().paid("0").adjustments("CO-197:20.00", "CO-4:80.00").build()))
                .isEqualTo(TeamRouter.CODING);
        assertThat(TeamRouter.team(Status.DENIED_OTHER, line().paid("0").adjustments("OA-23:100.00").build()))
                .isEqualTo(TeamRouter.BILLING);
    }

    @Test
    void paymentStatusesAndPatientBalances() {
        for (Status s : new Status[] {Status.UNDERPAID, Status.OVERPAID, Status.NO_EXPECTED, Status.REVERSED}) {
            assertThat(TeamRouter.team(s, line().build())).as(s.name()).isEqualTo(TeamRouter.BILLING);
        }
        assertThat(TeamRouter.team(Status.PATIENT_RESP, line().build())).isEqualTo(TeamRouter.PATIENT_ACCOUNTS);
        assertThat(TeamRouter.team(Status.PAID_OK, line().build())).isNull();
    }
}
