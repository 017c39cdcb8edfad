package com.rcm.j3490.rules;

/**
 * One plain-language next step per actionable line (contract 2.5). CO-16 is refined by remark
 * code in {@link Co16Remedy} (the first matching row wins).
 */
public final class ReworkAdvisor {
    private static final String CO50 = "Check the diagnosis against the payer's LCD/NCD or medical policy; appeal with a letter of medical necessity and clinical notes before the deadline.";
    private static final String CO151 = "Verify benefit history and unit/frequency limits; appeal with clinical justification if supported, else move the balance per contract.";
    private static final String DENIED_OTHER = "Review denial reason %s (%s) and correct or appeal accordingly.";
    private static final String DENIED_WITHOUT_REASON = "Claim denied (claim status 4) with no payer adjustment reason on the line: "
            + "check the claim-level adjustments or call the payer for the reason, then correct or appeal.";
    private static final String UNDERPAID = "Dispute the underpayment: cite the contract basis and rate, attach the invoice or pricing, show expected vs reimbursed.";
    private static final String OVERPAID = "Review for overpayment; refund if confirmed.";
    private static final String NO_EXPECTED = "Find the acquisition invoice or ASP pricing for the NDC so the line can be priced.";
    private static final String PATIENT_RESP = "Bill the patient or the secondary payer for the patient-responsibility amount.";
    private static final String REVERSED = "Confirm the reversal and the corrected claim or recoupment.";

    private final CodeDescriptions descriptions;

    public ReworkAdvisor(CodeDescriptions descriptions) {
        this.descriptions = descriptions;
    }

    /** null for lines that need no work (PAID_OK). */
    public String action(Status status, RemittanceLine line) {
        return switch (status) {
            case DENIED_CO16 -> Co16Remedy.of(line).action();
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

    private String deniedOther(RemittanceLine line) {
        return line.primaryDenialAdjustment()
                .map(a -> DENIED_OTHER.formatted(a.code(), descriptions.carc(a.reason())))
                .orElse(DENIED_WITHOUT_REASON);
    }
}
