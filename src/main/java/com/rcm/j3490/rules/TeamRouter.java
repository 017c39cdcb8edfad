package com.rcm.j3490.rules;

import java.util.Set;

/** Routes an actionable line to the team that works it, from its status and codes. */
public final class TeamRouter {
    public static final String CODING = "Coding";
    public static final String BILLING = "Billing";
    public static final String CLINICAL_DOCUMENTATION = "Clinical documentation";
    public static final String AUTHORIZATION = "Authorization";
    public static final String PATIENT_ACCOUNTS = "Patient accounts";

    /** CARCs about prior authorization, precertification or referral. */
    private static final Set<String> AUTHORIZATION_CARCS = Set.of("15", "62", "197", "198", "243", "288");
    /** CARCs about the codes billed: procedure/modifier/diagnosis inconsistencies. */
    private static final Set<String> CODING_CARCS = Set.of("4", "5", "6", "9", "11", "146", "182", "199", "236", "B7");

    private TeamRouter() {
    }

    /** null for lines that need no work. */
    public static String team(Status status, RemittanceLine line) {
        return switch (status) {
            case DENIED_CO16 -> Co16Remedy.of(line).team();
            case DENIED_CO50 -> CLINICAL_DOCUMENTATION;
            case DENIED_CO151 -> AUTHORIZATION;
            case DENIED_OTHER -> deniedOtherTeam(line);
            case PATIENT_RESP -> PATIENT_ACCOUNTS;
            case UNDERPAID, OVERPAID, NO_EXPECTED, REVERSED -> BILLING;
            case PAID_OK -> null;
        };
    }

    /** Routed by the same adjustment the rework action names: the largest positive one that is neither PR nor CO-45. */
    private static String deniedOtherTeam(RemittanceLine line) {
        return line.primaryDenialAdjustment()
                .map(a -> AUTHORIZATION_CARCS.contains(a.reason()) ? AUTHORIZATION
                        : CODING_CARCS.contains(a.reason()) ? CODING : BILLING)
                .orElse(BILLING);
    }
}
