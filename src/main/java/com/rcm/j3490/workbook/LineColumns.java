package com.rcm.j3490.workbook;

import com.rcm.j3490.rules.CodeDescriptions;
import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.workbook.Column.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The one place for the line sheets' column names and order. */
final class LineColumns {
    static final String CLAIM_ID = "Claim ID";
    static final String LINE = "Line";
    static final String CHECK_NUMBER = "Check Number";
    static final String CLAIM_STATUS = "Claim Status";
    static final String PAYER_ID = "Payer ID";
    static final String SERVICE_DATE = "Service Date";
    static final String NDC = "NDC";
    static final String BILLED = "Billed";
    static final String PAID = "Paid";
    static final String REIMBURSED = "Reimbursed";
    static final String EXPECTED = "Expected";
    static final String VARIANCE = "Variance";
    static final String PRICING_BASIS = "Pricing Basis";
    static final String INVOICE_NUMBER = "Invoice Number";
    static final String STATUS = "Status";
    static final String DENIAL_CODES = "Denial Codes";
    static final String REMARK_CODES = "Remark Codes";
    static final String FLAGS = "Flags";
    static final String REWORK_ACTION = "Rework Action";
    static final String APPEAL_DEADLINE = "Appeal Deadline";
    static final String AMOUNT_AT_STAKE = "Amount At Stake";
    static final String RESUBMIT_BY = "Resubmit By";
    static final String TEAM = "Team";
    static final String OWNER = "Owner";
    static final String WORK_STATUS = "Work Status";
    static final String FOLLOW_UP_DATE = "Follow-up Date";
    static final String NOTES = "Notes";

    /** Columns that read the same on All Lines and on the worklists. */
    private static final Column COL_PAYER_ID = new Column(PAYER_ID, Kind.TEXT, 10, ReconciledLine::payerId);
    private static final Column COL_SERVICE_DATE = new Column(SERVICE_DATE, Kind.DATE, 12, ReconciledLine::serviceDate);
    private static final Column COL_NDC = new Column(NDC, Kind.TEXT, 14, ReconciledLine::ndc);
    private static final Column COL_BILLED = new Column(BILLED, Kind.MONEY, 12, ReconciledLine::billed);
    private static final Column COL_PAID = new Column(PAID, Kind.MONEY, 12, ReconciledLine::paid);
    private static final Column COL_REIMBURSED = new Column(REIMBURSED, Kind.MONEY, 12, ReconciledLine::reimbursed);
    private static final Column COL_EXPECTED = new Column(EXPECTED, Kind.MONEY, 12, ReconciledLine::expected);
    private static final Column COL_VARIANCE = new Column(VARIANCE, Kind.MONEY, 12, ReconciledLine::variance);
    private static final Column COL_PRICING_BASIS = new Column(PRICING_BASIS, Kind.TEXT, 9, l -> l.basis() == null ? null : l.basis().name());
    private static final Column COL_INVOICE_NUMBER = new Column(INVOICE_NUMBER, Kind.TEXT, 14, ReconciledLine::invoiceNumber);
    private static final Column COL_STATUS = new Column(STATUS, Kind.TEXT, 14, l -> l.status().name());
    private static final Column COL_APPEAL_DEADLINE = new Column(APPEAL_DEADLINE, Kind.DATE, 12, ReconciledLine::appealDeadline);
    private static final Column COL_AMOUNT_AT_STAKE = new Column(AMOUNT_AT_STAKE, Kind.MONEY, 13, ReconciledLine::amountAtStake);
    private static final Column COL_CLAIM_ID = new Column(CLAIM_ID, Kind.TEXT, 14, ReconciledLine::claimId);
    private static final Column COL_LINE = new Column(LINE, Kind.TEXT, 6, ReconciledLine::lineNumber);

    /** The team's own columns at the end of each worklist, carried over from night to night. */
    static final List<String> WORK_COLUMNS = List.of(OWNER, WORK_STATUS, FOLLOW_UP_DATE, NOTES);

    private static final List<Column> WORKLIST_SHAPE = worklist(null);
    private static final List<String> WORKLIST_HEADERS = WORKLIST_SHAPE.stream().map(Column::header).toList();
    private static final List<Kind> WORKLIST_KINDS = WORKLIST_SHAPE.stream().map(Column::kind).toList();

    private LineColumns() {
    }

    /** The worklist sheets' headers, in order (also the shape of a carried-over row). */
    static List<String> worklistHeaders() {
        return WORKLIST_HEADERS;
    }

    static List<Kind> worklistKinds() {
        return WORKLIST_KINDS;
    }

    /** Index of a worklist header. */
    static int worklistIndex(String header) {
        int i = WORKLIST_HEADERS.indexOf(header);
        if (i < 0) {
            throw new IllegalArgumentException(header);
        }
        return i;
    }

    /** All Lines: the contract's 22 headers in order, then detail columns. */
    static List<Column> allLines() {
        List<Column> columns = new ArrayList<>(List.of(
                COL_CLAIM_ID,
                COL_LINE,
                new Column(CHECK_NUMBER, Kind.TEXT, 14, ReconciledLine::checkNumber),
                new Column(CLAIM_STATUS, Kind.TEXT, 7, ReconciledLine::claimStatus),
                COL_PAYER_ID,
                COL_SERVICE_DATE,
                COL_NDC,
                COL_BILLED, COL_PAID, COL_REIMBURSED, COL_EXPECTED, COL_VARIANCE, COL_PRICING_BASIS,
                COL_INVOICE_NUMBER, COL_STATUS,
                new Column(DENIAL_CODES, Kind.TEXT, 14, l -> String.join(";", l.denialCodes())),
                new Column(REMARK_CODES, Kind.TEXT, 14, l -> String.join(";", l.remarkCodes())),
                new Column(FLAGS, Kind.TEXT, 30, ReconciledLine::flagsText),
                new Column(REWORK_ACTION, Kind.TEXT, 50, ReconciledLine::reworkAction),
                COL_APPEAL_DEADLINE,
                COL_AMOUNT_AT_STAKE,
                new Column(RESUBMIT_BY, Kind.DATE, 12, ReconciledLine::resubmitBy)));
        columns.addAll(details());
        return columns;
    }

    /**
     * A worklist: what to chase (amount, deadline) first, so it stays visible; then the line;
     * then the team's own columns.
     */
    static List<Column> worklist(CodeDescriptions codes) {
        List<Column> columns = new ArrayList<>(List.of(
                COL_AMOUNT_AT_STAKE,
                COL_APPEAL_DEADLINE,
                COL_CLAIM_ID,
                COL_LINE,
                new Column(TEAM, Kind.TEXT, 22, ReconciledLine::team),
                new Column(REWORK_ACTION, Kind.WRAPPED_TEXT, 55, ReconciledLine::reworkAction),
                new Column("Patient Name", Kind.TEXT, 20, ReconciledLine::patientName),
                COL_PAYER_ID,
                new Column("Payer Name", Kind.TEXT, 20, ReconciledLine::payerName),
                COL_SERVICE_DATE,
                new Column("Drug Name", Kind.TEXT, 28, ReconciledLine::drugName),
                COL_NDC,
                COL_BILLED, COL_PAID, COL_REIMBURSED, COL_EXPECTED, COL_VARIANCE, COL_PRICING_BASIS,
                COL_INVOICE_NUMBER, COL_STATUS,
                new Column(DENIAL_CODES, Kind.TEXT, 12, l -> String.join(";", l.denialCodes())),
                new Column("Denial Reasons", Kind.WRAPPED_TEXT, 40, l -> describe(l.denialCodes(), codes, true)),
                new Column(REMARK_CODES, Kind.TEXT, 12, l -> String.join(";", l.remarkCodes())),
                new Column("Remark Descriptions", Kind.WRAPPED_TEXT, 40, l -> describe(l.remarkCodes(), codes, false)),
                new Column(FLAGS, Kind.WRAPPED_TEXT, 26, ReconciledLine::flagsText),
                new Column(CHECK_NUMBER, Kind.TEXT, 14, ReconciledLine::checkNumber),
                new Column("Payment Date", Kind.DATE, 12, ReconciledLine::paymentDate),
                new Column(CLAIM_STATUS, Kind.TEXT, 7, ReconciledLine::claimStatus),
                new Column("Payer Claim Number", Kind.TEXT, 16, ReconciledLine::payerClaimNumber),
                new Column("Invoice Supplier", Kind.TEXT, 20, l -> l.drugSource().supplier()),
                new Column("Invoice Drug", Kind.TEXT, 24, l -> l.drugSource().invoiceDrugName()),
                new Column("Lot Number", Kind.TEXT, 12, l -> l.drugSource().lotNumber()),
                new Column("Lot Expiration", Kind.DATE, 12, l -> l.drugSource().expirationDate()),
                new Column("ASP Drug Name", Kind.TEXT, 24, l -> l.drugSource().pricingDrugName()),
                new Column("ASP Dosage", Kind.TEXT, 12, l -> l.drugSource().dosage()),
                new Column(OWNER, Kind.TEXT, 14, l -> null),
                new Column(WORK_STATUS, Kind.TEXT, 14, l -> null),
                new Column(FOLLOW_UP_DATE, Kind.DATE, 13, l -> null),
                new Column(NOTES, Kind.WRAPPED_TEXT, 40, l -> null)));
        return columns;
    }

    private static List<Column> details() {
        return List.of(
                new Column("Payer Name", Kind.TEXT, 20, ReconciledLine::payerName),
                new Column("Procedure Code", Kind.TEXT, 9, ReconciledLine::procedureCode),
                new Column("Modifiers", Kind.TEXT, 9, ReconciledLine::modifiers),
                new Column("Drug Name", Kind.TEXT, 28, ReconciledLine::drugName),
                new Column("NDC Quantity", Kind.NUMBER, 10, ReconciledLine::ndcQuantity),
                new Column("NDC Unit", Kind.TEXT, 7, ReconciledLine::ndcUnit),
                new Column("Units Billed", Kind.NUMBER, 9, ReconciledLine::unitsBilled),
                new Column("Rate %", Kind.NUMBER, 8, ReconciledLine::ratePercent),
                new Column("Payment Date", Kind.DATE, 12, ReconciledLine::paymentDate),
                new Column("Payer Claim Number", Kind.TEXT, 16, ReconciledLine::payerClaimNumber),
                new Column(TEAM, Kind.TEXT, 22, ReconciledLine::team));
    }

    private static String describe(List<String> codes, CodeDescriptions descriptions, boolean adjustment) {
        return codes.stream()
                .map(c -> c + " " + (adjustment ? descriptions.carc(c.substring(c.indexOf('-') + 1)) : descriptions.rarc(c)))
                .collect(Collectors.joining("; "));
    }
}
