package com.rcm.j3490.workbook;

import com.rcm.j3490.rules.CodeDescriptions;
import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.workbook.Column.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The one place for the line sheets' column names, and the All Lines sheet's columns. */
public final class LineColumns {
    public static final String CLAIM_ID = "Claim ID";
    public static final String LINE = "Line";
    public static final String CHECK_NUMBER = "Check Number";
    public static final String CLAIM_STATUS = "Claim Status";
    public static final String PAYER_ID = "Payer ID";
    public static final String PAYER_NAME = "Payer Name";
    public static final String PATIENT_NAME = "Patient Name";
    public static final String SERVICE_DATE = "Service Date";
    public static final String NDC = "NDC";
    public static final String BILLED = "Billed";
    public static final String PAID = "Paid";
    public static final String REIMBURSED = "Reimbursed";
    public static final String EXPECTED = "Expected";
    public static final String VARIANCE = "Variance";
    public static final String PRICING_BASIS = "Pricing Basis";
    public static final String INVOICE_NUMBER = "Invoice Number";
    public static final String STATUS = "Status";
    public static final String DENIAL_CODES = "Denial Codes";
    public static final String REMARK_CODES = "Remark Codes";
    public static final String FLAGS = "Flags";
    public static final String REWORK_ACTION = "Rework Action";
    public static final String APPEAL_DEADLINE = "Appeal Deadline";
    public static final String AMOUNT_AT_STAKE = "Amount At Stake";
    public static final String RESUBMIT_BY = "Resubmit By";
    public static final String TEAM = "Team";
    public static final String PROCEDURE_CODE = "Procedure Code";
    public static final String MODIFIERS = "Modifiers";
    public static final String UNITS_BILLED = "Units Billed";
    public static final String UNITS_PAID = "Units Paid";
    public static final String NDC_QUANTITY = "NDC Quantity";
    public static final String NDC_UNIT = "NDC Unit";
    public static final String ALLOWED = "Allowed";
    public static final String ADJUSTMENTS = "Adjustments";
    public static final String OWNER = "Owner";
    public static final String WORK_STATUS = "Work Status";
    public static final String FOLLOW_UP_DATE = "Follow-up Date";
    public static final String NOTES = "Notes";

    /** The team's own columns, kept in the work items from night to night (contract 6.3). */
    public static final List<String> WORK_COLUMNS = List.of(OWNER, WORK_STATUS, FOLLOW_UP_DATE, NOTES);

    private LineColumns() {
    }

    /** All Lines: the contract's 22 headers in order, then detail columns. */
    static List<Column<ReconciledLine>> allLines() {
        List<Column<ReconciledLine>> columns = new ArrayList<>(List.of(
                new Column<>(CLAIM_ID, Kind.TEXT, 14, ReconciledLine::claimId),
                new Column<>(LINE, Kind.TEXT, 6, ReconciledLine::lineNumber),
                new Column<>(CHECK_NUMBER, Kind.TEXT, 14, ReconciledLine::checkNumber),
                new Column<>(CLAIM_STATUS, Kind.TEXT, 7, ReconciledLine::claimStatus),
                new Column<>(PAYER_ID, Kind.TEXT, 10, ReconciledLine::payerId),
                new Column<>(SERVICE_DATE, Kind.DATE, 12, ReconciledLine::serviceDate),
                new Column<>(NDC, Kind.TEXT, 14, ReconciledLine::ndc),
                new Column<>(BILLED, Kind.MONEY, 12, ReconciledLine::billed),
                new Column<>(PAID, Kind.MONEY, 12, ReconciledLine::paid),
                new Column<>(REIMBURSED, Kind.MONEY, 12, ReconciledLine::reimbursed),
                new Column<>(EXPECTED, Kind.MONEY, 12, ReconciledLine::expected),
                new Column<>(VARIANCE, Kind.MONEY, 12, ReconciledLine::variance),
                new Column<>(PRICING_BASIS, Kind.TEXT, 9, l -> l.basis() == null ? null : l.basis().name()),
                new Column<>(INVOICE_NUMBER, Kind.TEXT, 14, ReconciledLine::invoiceNumber),
                new Column<>(STATUS, Kind.TEXT, 14, l -> l.status().name()),
                new Column<>(DENIAL_CODES, Kind.TEXT, 14, l -> String.join(";", l.denialCodes())),
                new Column<>(REMARK_CODES, Kind.TEXT, 14, l -> String.join(";", l.remarkCodes())),
                new Column<>(FLAGS, Kind.TEXT, 30, ReconciledLine::flagsText),
                new Column<>(REWORK_ACTION, Kind.TEXT, 50, ReconciledLine::reworkAction),
                new Column<>(APPEAL_DEADLINE, Kind.DATE, 12, ReconciledLine::appealDeadline),
                new Column<>(AMOUNT_AT_STAKE, Kind.MONEY, 13, ReconciledLine::amountAtStake),
                new Column<>(RESUBMIT_BY, Kind.DATE, 12, ReconciledLine::resubmitBy)));
        columns.addAll(List.of(
                new Column<>(PAYER_NAME, Kind.TEXT, 20, ReconciledLine::payerName),
                new Column<>(PROCEDURE_CODE, Kind.TEXT, 9, ReconciledLine::procedureCode),
                new Column<>(MODIFIERS, Kind.TEXT, 9, ReconciledLine::modifiers),
                new Column<>("Drug Name", Kind.TEXT, 28, ReconciledLine::drugName),
                new Column<>(NDC_QUANTITY, Kind.NUMBER, 10, ReconciledLine::ndcQuantity),
                new Column<>(NDC_UNIT, Kind.TEXT, 7, ReconciledLine::ndcUnit),
                new Column<>(UNITS_BILLED, Kind.NUMBER, 9, ReconciledLine::unitsBilled),
                new Column<>("Rate %", Kind.NUMBER, 8, ReconciledLine::ratePercent),
                new Column<>("Payment Date", Kind.DATE, 12, ReconciledLine::paymentDate),
                new Column<>("Payer Claim Number", Kind.TEXT, 16, ReconciledLine::payerClaimNumber),
                new Column<>(TEAM, Kind.TEXT, 22, ReconciledLine::team)));
        return columns;
    }

    /** "CO-16 description; CO-50 description" for a line's codes. */
    static String describe(List<String> codes, CodeDescriptions descriptions, boolean adjustment) {
        if (descriptions == null) {
            return null;
        }
        return codes.stream()
                .map(c -> c + " " + (adjustment ? descriptions.carc(c.substring(c.indexOf('-') + 1)) : descriptions.rarc(c)))
                .collect(Collectors.joining("; "));
    }
}
