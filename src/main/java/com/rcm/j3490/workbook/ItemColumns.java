package com.rcm.j3490.workbook;

import static com.rcm.j3490.workbook.LineColumns.*;

import com.rcm.j3490.backlog.WorkItem;
import com.rcm.j3490.rules.CodeDescriptions;
import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.rules.Status;
import com.rcm.j3490.workbook.Column.Kind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The columns of the worklists and of Resolved, shown from work items (contract 6.2). A worklist
 * starts with the columns it prints (6.4: what to chase, the claim line, who works it), so the
 * print area is one block; the rest follow; the columns the team added come last.
 */
public final class ItemColumns {
    public static final String DAYS_TO_DEADLINE = "Days To Deadline";
    public static final String FIRST_SEEN = "First Seen";
    public static final String DAYS_OPEN = "Days Open";
    public static final String NEW_TONIGHT = "New Tonight";
    public static final String LAST_PAYER_ACTION = "Last Payer Action";
    public static final String STATUS_WHEN_OPENED = "Status When Opened";
    public static final String RESOLUTION = "Resolution";
    public static final String RESOLVED_ON = "Resolved On";
    public static final String RECOVERED = "Recovered";
    /** The worklists that need the patient to be worked (6.4); no other sheet names a patient. */
    public static final Set<Status> PATIENT_WORKLISTS = EnumSet.of(Status.DENIED_CO16, Status.DENIED_CO50,
            Status.DENIED_CO151, Status.DENIED_OTHER, Status.PATIENT_RESP, Status.NO_EXPECTED);

    /** One per thread: a DecimalFormat is not safe to share, and two threads write worklists at once. */
    private static final ThreadLocal<java.text.DecimalFormat> MONEY_TEXT = ThreadLocal.withInitial(
            () -> new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.US)));

    private ItemColumns() {
    }

    /** Every header a worklist of this job writes (any other header is a column the team added). */
    public static Set<String> jobHeaders() {
        Set<String> headers = new java.util.HashSet<>();
        for (Status s : PATIENT_WORKLISTS) {
            worklist(s, LocalDate.EPOCH, null, true).columns().forEach(c -> headers.add(c.header()));
        }
        // headers of earlier versions of the worklists, never a team's own column
        headers.addAll(List.of("Denial Reasons", "Remark Descriptions"));
        return Set.copyOf(headers);
    }

    /** A worklist's job columns and how many of the first ones print. */
    record Layout(List<Column<WorkItem>> columns, int printed) {
    }

    static Layout worklist(Status status, LocalDate runDate, CodeDescriptions codes, boolean patientNames) {
        boolean patient = patientNames && PATIENT_WORKLISTS.contains(status);
        List<Column<WorkItem>> printed = new ArrayList<>();
        printed.add(line(AMOUNT_AT_STAKE, Kind.MONEY, 13, ReconciledLine::amountAtStake));
        printed.add(line(APPEAL_DEADLINE, Kind.DATE, 12, ReconciledLine::appealDeadline));
        printed.add(new Column<>(DAYS_TO_DEADLINE, Kind.NUMBER, 10, i -> i.daysToDeadline(runDate)));
        printed.add(line(CLAIM_ID, Kind.TEXT, 14, ReconciledLine::claimId));
        printed.add(line(LINE, Kind.TEXT, 5, ReconciledLine::lineNumber));
        if (patient) {
            printed.add(line(PATIENT_NAME, Kind.TEXT, 18, ReconciledLine::patientName));
        }
        printed.add(line(PAYER_ID, Kind.TEXT, 9, ReconciledLine::payerId));
        printed.add(line(SERVICE_DATE, Kind.DATE, 11, ReconciledLine::serviceDate));
        printed.add(line(STATUS, Kind.TEXT, 17, l -> l.status().name()));
        printed.add(line(REWORK_ACTION, Kind.WRAPPED_TEXT, 45, ReconciledLine::reworkAction));
        printed.add(new Column<>(OWNER, Kind.TEXT, 12, i -> i.team().owner()));
        printed.add(new Column<>(WORK_STATUS, Kind.TEXT, 14,
                i -> i.team().workStatus() == null ? null : i.team().workStatus().label()));
        printed.add(new Column<>(FOLLOW_UP_DATE, Kind.DATE, 11, i -> i.team().followUpDate()));
        List<Column<WorkItem>> columns = new ArrayList<>(printed);
        columns.addAll(List.of(
                new Column<>(NOTES, Kind.WRAPPED_TEXT, 40, i -> i.team().notes()),
                new Column<>(FIRST_SEEN, Kind.DATE, 11, WorkItem::firstSeen),
                new Column<>(DAYS_OPEN, Kind.NUMBER, 7, i -> i.daysOpen(runDate)),
                new Column<>(NEW_TONIGHT, Kind.TEXT, 7, i -> i.newTonight(runDate) ? "Yes" : "No"),
                new Column<>(LAST_PAYER_ACTION, Kind.WRAPPED_TEXT, 30, WorkItem::lastPayerAction),
                line(RESUBMIT_BY, Kind.DATE, 11, ReconciledLine::resubmitBy),
                line(TEAM, Kind.TEXT, 22, ReconciledLine::team),
                line(PAYER_NAME, Kind.TEXT, 20, ReconciledLine::payerName),
                line(PROCEDURE_CODE, Kind.TEXT, 9, ReconciledLine::procedureCode),
                line(MODIFIERS, Kind.TEXT, 9, ReconciledLine::modifiers),
                line(UNITS_BILLED, Kind.NUMBER, 8, ReconciledLine::unitsBilled),
                line(UNITS_PAID, Kind.NUMBER, 8, ReconciledLine::unitsPaid),
                line(NDC, Kind.TEXT, 14, ReconciledLine::ndc),
                line(NDC_QUANTITY, Kind.NUMBER, 9, ReconciledLine::ndcQuantity),
                line(NDC_UNIT, Kind.TEXT, 6, ReconciledLine::ndcUnit),
                line("Drug Name", Kind.TEXT, 28, ReconciledLine::drugName),
                line(BILLED, Kind.MONEY, 12, ReconciledLine::billed),
                line(ALLOWED, Kind.MONEY, 12, ReconciledLine::allowed),
                line(PAID, Kind.MONEY, 12, ReconciledLine::paid),
                line(REIMBURSED, Kind.MONEY, 12, ReconciledLine::reimbursed),
                line(EXPECTED, Kind.MONEY, 12, ReconciledLine::expected),
                line(VARIANCE, Kind.MONEY, 12, ReconciledLine::variance),
                line(PRICING_BASIS, Kind.TEXT, 9, l -> l.basis() == null ? null : l.basis().name()),
                line(INVOICE_NUMBER, Kind.TEXT, 14, ReconciledLine::invoiceNumber),
                line(ADJUSTMENTS, Kind.WRAPPED_TEXT, 24, l -> adjustments(l.adjustments())),
                line(DENIAL_CODES, Kind.TEXT, 12, l -> String.join(";", l.denialCodes())),
                line("Denial Reasons", Kind.WRAPPED_TEXT, 40, l -> describe(l.denialCodes(), codes, true)),
                line(REMARK_CODES, Kind.TEXT, 12, l -> String.join(";", l.remarkCodes())),
                line("Remark Descriptions", Kind.WRAPPED_TEXT, 40, l -> describe(l.remarkCodes(), codes, false)),
                line(FLAGS, Kind.WRAPPED_TEXT, 26, ReconciledLine::flagsText),
                line(CHECK_NUMBER, Kind.TEXT, 14, ReconciledLine::checkNumber),
                line("Payment Date", Kind.DATE, 11, ReconciledLine::paymentDate),
                line(CLAIM_STATUS, Kind.TEXT, 7, ReconciledLine::claimStatus),
                line("Payer Claim Number", Kind.TEXT, 16, ReconciledLine::payerClaimNumber),
                line("Invoice Supplier", Kind.TEXT, 20, l -> l.drugSource().supplier()),
                line("Invoice Drug", Kind.TEXT, 24, l -> l.drugSource().invoiceDrugName()),
                line("Lot Number", Kind.TEXT, 12, l -> l.drugSource().lotNumber()),
                line("Lot Expiration", Kind.DATE, 11, l -> l.drugSource().expirationDate()),
                line("ASP Drug Name", Kind.TEXT, 24, l -> l.drugSource().pricingDrugName()),
                line("ASP Dosage", Kind.TEXT, 12, l -> l.drugSource().dosage())));
        return new Layout(List.copyOf(columns), printed.size());
    }

    /** Resolved (6.2): the claim line, the status it was opened with, how and when it left, what came of it. */
    static Layout resolved() {
        List<Column<WorkItem>> columns = List.of(
                new Column<>(RESOLVED_ON, Kind.DATE, 11, WorkItem::resolvedOn),
                new Column<>(RESOLUTION, Kind.TEXT, 14, i -> i.resolution().label()),
                new Column<>(RECOVERED, Kind.MONEY, 13, WorkItem::recovered),
                line(CLAIM_ID, Kind.TEXT, 14, ReconciledLine::claimId),
                line(LINE, Kind.TEXT, 5, ReconciledLine::lineNumber),
                line(PAYER_ID, Kind.TEXT, 9, ReconciledLine::payerId),
                line(SERVICE_DATE, Kind.DATE, 11, ReconciledLine::serviceDate),
                new Column<>(STATUS_WHEN_OPENED, Kind.TEXT, 14, i -> i.openingStatus().name()),
                new Column<>(FIRST_SEEN, Kind.DATE, 11, WorkItem::firstSeen),
                new Column<>(OWNER, Kind.TEXT, 12, i -> i.team().owner()),
                new Column<>(NOTES, Kind.WRAPPED_TEXT, 40, i -> i.team().notes()),
                new Column<>(LAST_PAYER_ACTION, Kind.WRAPPED_TEXT, 30, WorkItem::lastPayerAction),
                line(PAYER_NAME, Kind.TEXT, 20, ReconciledLine::payerName),
                line(CHECK_NUMBER, Kind.TEXT, 14, ReconciledLine::checkNumber),
                line(REIMBURSED, Kind.MONEY, 12, ReconciledLine::reimbursed));
        return new Layout(columns, 12);
    }

    /** The adjustments as sent, one per line: "CO-45 120.00", "PR-204 2,400.00 (qty 2)". */
    static String adjustments(String sent) {
        if (sent == null || sent.isBlank()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String a : sent.split(";")) {
            String[] p = a.split(":");
            StringBuilder s = new StringBuilder(p[0]);
            if (p.length > 1) {
                s.append(' ').append(MONEY_TEXT.get().format(new java.math.BigDecimal(p[1])));
            }
            if (p.length > 2 && !p[2].isBlank()) {
                s.append(" (qty ").append(p[2]).append(')');
            }
            out.add(s.toString());
        }
        return String.join("\n", out);
    }

    private static Column<WorkItem> line(String header, Kind kind, int width, Function<ReconciledLine, Object> value) {
        return new Column<>(header, kind, width, i -> value.apply(i.line()));
    }
}
