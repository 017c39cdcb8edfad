package com.rcm.j3490.rules;

/** Reconciliation status of a target line; the order is the order of the rules (contract 2.4). */
public enum Status {
    REVERSED("Reversed", true),
    DENIED_CO16("Denied CO-16", true),
    DENIED_CO50("Denied CO-50", true),
    DENIED_CO151("Denied CO-151", true),
    DENIED_OTHER("Denied Other", true),
    PATIENT_RESP("Patient Resp", true),
    NO_EXPECTED("No Expected", true),
    UNDERPAID("Underpaid", true),
    OVERPAID("Overpaid", true),
    PAID_OK("Paid OK", false);

    private final String label;
    private final boolean actionable;

    Status(String label, boolean actionable) {
        this.label = label;
        this.actionable = actionable;
    }

    public String label() {
        return label;
    }

    public boolean actionable() {
        return actionable;
    }

    public boolean isDenial() {
        return name().startsWith("DENIED_");
    }
}
