package com.rcm.j3490.rules;

/** One plain-language next step per actionable line (contract 2.5): the first matching row wins. */
public final class ReworkAdvisor {
    static final String CO16_MA130 = "Returned as unprocessable, no appeal rights: correct the claim and submit it as a new claim (not a corrected claim).";
    static final String CO16_M119 = "Correct the NDC to 11 digits in 5-4-2 form with qualifier N4, plus unit and quantity; resubmit as a corrected claim (frequency code 7).";
    static final String CO16_DESCRIPTION = "Add drug name, strength, dose and route in the line note (loop 2400 NTE / box 19); resubmit.";
    static final String CO16_DOCUMENTATION = "Attach the invoice and supporting documentation (PWK) and resubmit.";
    static final String CO16_OTHER = "Supply the information the remark codes name; resubmit.";
    static final String CO50 = "Check the diagnosis against the payer's LCD/NCD or medical policy; appeal with a letter of medical necessity and clinical notes before the deadline.";
    static final String CO151 = "Verify benefit history and unit/frequency limits; appeal with clinical justification if supported, else move the balance per contract.";
    static final String DENIED_OTHER = "Review denial reason %s (%s) and correct or appeal accordingly.";
    static final String DENIED_WITHOUT_REASON = "Claim denied (claim status 4) with no payer adjustment reason on the line: "
            + "check the claim-level adjustments or call the payer for the reason, then correct or appeal.";
    static final String UNDERPAID = "Dispute the underpayment: cite the contract basis and rate, attach the invoice or pricing, show expected vs reimbursed.";
    static final String OVERPAID = "Review for overpayment; refund if confirmed.";
    static final String NO_EXPECTED = "Find the acquisition invoice or ASP pricing for the NDC so the line can be priced.";
    static final String PATIENT_RESP = "Bill the patient or the secondary payer for the patient-responsibility amount.";
    static final String REVERSED = "Confirm the reversal and the corrected claim or recoupment.";

    private final CodeDescriptions descriptions;

    public ReworkAdvisor(CodeDescriptions descriptions) {
        this.descriptions = descriptions;
    }

    /** null for lines that need no work (PAID_OK). */
    public String action(Status status, RemittanceLine line) {
        return switch (status) {
            case DENIED_CO16 -> co16(line);
            case DENIED_CO50 -> CO50;
            case DENIED_CO151 -> CO151;
            case DENIED_OTHER -> deniedOther(line);
            case UNDERPAID -> UNDERPAID;
            case OVERPAID -> OVERPAID;
            case NO_EXPECTED -> NO_EXPECTED;
            case PATIENT_RESP -> PATIENT_RESP;
            case REVERSED -> REVERSED;
            case PAID_OK -> null;
        };
    }

    private static String co16(RemittanceLine line) {
        if (line.hasRemark("MA130")) {
            return CO16_MA130;
        }
        if (line.hasRemark("M119")) {
            return CO16_M119;
        }
        if (line.hasRemark("M123") || line.hasRemark("N350")) {
            return CO16_DESCRIPTION;
        }
        if (line.hasRemark("N29") || line.hasRemark("N706")) {
            return CO16_DOCUMENTATION;
        }
        return CO16_OTHER;
    }

    private String deniedOther(RemittanceLine line) {
        return line.primaryDenialAdjustment()
                .map(a -> DENIED_OTHER.formatted(a.code(), descriptions.carc(a.reason())))
                .orElse(DENIED_WITHOUT_REASON);
    }
}
