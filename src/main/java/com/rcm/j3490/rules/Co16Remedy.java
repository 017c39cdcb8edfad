package com.rcm.j3490.rules;

import java.util.List;

/**
 * The CO-16 ladder (contract 2.5): which remark codes refine a CO-16 denial, the rework action
 * and the team that works it. The first row whose remark codes the line carries wins, so
 * {@code MA130} outranks the others; {@link #OTHER} (no remark codes of its own) is the last row.
 * The one source of both {@link ReworkAdvisor} and {@link TeamRouter} for CO-16.
 */
public enum Co16Remedy {
    UNPROCESSABLE(List.of("MA130"),
            "Returned as unprocessable, no appeal rights: correct the claim and submit it as a new claim (not a corrected claim).",
            TeamRouter.BILLING),
    NDC(List.of("M119"),
            "Correct the NDC to 11 digits in 5-4-2 form with qualifier N4, plus unit and quantity; resubmit as a corrected claim (frequency code 7).",
            TeamRouter.CODING),
    DRUG_DESCRIPTION(List.of("M123", "N350"),
            "Add drug name, strength, dose and route in the line note (loop 2400 NTE / box 19); resubmit.",
            TeamRouter.CODING),
    DOCUMENTATION(List.of("N29", "N706"),
            "Attach the invoice and supporting documentation (PWK) and resubmit.",
            TeamRouter.CLINICAL_DOCUMENTATION),
    OTHER(List.of(),
            "Supply the information the remark codes name; resubmit.",
            TeamRouter.BILLING);

    private final List<String> remarks;
    private final String action;
    private final String team;

    Co16Remedy(List<String> remarks, String action, String team) {
        this.remarks = remarks;
        this.action = action;
        this.team = team;
    }

    /** The first row that matches the line's remark codes. */
    public static Co16Remedy of(RemittanceLine line) {
        for (Co16Remedy row : values()) {
            if (row.remarks.stream().anyMatch(line::hasRemark)) {
                return row;
            }
        }
        return OTHER;
    }

    /** The remark codes of this row (any one of them matches); empty for {@link #OTHER}. */
    public List<String> remarks() {
        return remarks;
    }

    public String action() {
        return action;
    }

    public String team() {
        return team;
    }
}
