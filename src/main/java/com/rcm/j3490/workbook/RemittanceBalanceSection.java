package com.rcm.j3490.workbook;

import static com.rcm.j3490.workbook.Cells.number;
import static com.rcm.j3490.workbook.Cells.text;

import com.rcm.j3490.input.x12.ClaimAdjustment;
import com.rcm.j3490.input.x12.ProviderAdjustment;
import com.rcm.j3490.input.x12.TransactionBalance;
import com.rcm.j3490.reconcile.RemittanceBalances;
import com.rcm.j3490.rules.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The Summary's block about raw X12 remittances (contract 5.2, 5.3): the balancing of every 835
 * transaction set with the claims that do not balance, claim-level CAS, provider-level
 * adjustments (PLB: interest, recoupments, forward balances) and the claim lines no 835 line
 * joined. A break is shown, never fatal. Written below the rest of the Summary; nothing when the
 * run read no X12 and was given no claims. Columns follow the Summary's widths
 * ({@link SummaryWriter#width}); notes span the Summary's columns, and rows with a wrapped text are
 * as tall as it needs (a printed Summary has no text over text).
 */
final class RemittanceBalanceSection {
    /** Rows of one long list shown before "and N more" (the data stays in the staging tables). */
    static final int MAX_ROWS = 500;
    static final String TITLE = "X12 remittances: balancing (835)";
    static final String CLAIMS_OFF = "835 claims that do not balance (CLP03 - CAS = CLP04)";
    static final String CLAIM_CAS = "Claim-level adjustments (CAS of loop 2100)";
    static final String PLB = "Provider-level adjustments (PLB)";
    static final String CLAIMS = "Claims given (recon.input.claims)";
    static final String TARGET_CLAIM_LINES = "Target-code claim lines";
    static final String JOINED = "Joined by an 835 line";
    static final String NOT_JOINED = "Not joined by any 835 line";
    static final String NO_TARGET_LINES = "The claims given hold no target-code line: no 835 line could take its NDC, "
            + "quantity and drug description from them (each is flagged CLAIM_LINE_NOT_FOUND). Check recon.input.claims.";
    /** The PLB reasons a biller meets most (X12 code list 426); others are shown as the code. */
    private static final Map<String, String> PLB_REASONS = Map.ofEntries(
            Map.entry("L6", "Interest owed"),
            Map.entry("WO", "Overpayment recovery (recoupment)"),
            Map.entry("FB", "Forward balance"),
            Map.entry("72", "Authorized return"),
            Map.entry("CS", "Adjustment"),
            Map.entry("J1", "Nonreimbursable"),
            Map.entry("AP", "Acceleration of benefits"),
            Map.entry("B2", "Rebate"),
            Map.entry("BD", "Bad debt adjustment"),
            Map.entry("C5", "Temporary allowance"),
            Map.entry("E3", "Withholding"),
            Map.entry("FC", "Fund allocation"),
            Map.entry("GO", "Garnishment"),
            Map.entry("IR", "Internal Revenue Service withholding"),
            Map.entry("L3", "Penalty"),
            Map.entry("LE", "Levy"),
            Map.entry("OA", "Organization adjustment (Medicare)"),
            Map.entry("OB", "Offset for affiliated providers"),
            Map.entry("PI", "Periodic interim payment"),
            Map.entry("RA", "Retro-activity adjustment"),
            Map.entry("SL", "Student loan repayment"));

    private static final java.util.Set<String> NUMERIC = java.util.Set.of("BPR02 Paid", "Sum CLP04", "Sum PLB",
            "Difference", "Claims", "Lines", "CLP03 Charge", "CLP04 Paid", "Sum CAS", "Amount", "Quantity");

    private final XSSFSheet sheet;
    private final WorkbookStyles styles;
    private int r;

    private RemittanceBalanceSection(XSSFSheet sheet, WorkbookStyles styles, int firstRow) {
        this.sheet = sheet;
        this.styles = styles;
        this.r = firstRow;
    }

    /** Writes the block from {@code firstRow}; returns the row after it. */
    static int write(XSSFSheet sheet, WorkbookStyles styles, int firstRow, RemittanceBalances balances) {
        if (balances == null || balances.isEmpty()) {
            return firstRow;
        }
        RemittanceBalanceSection section = new RemittanceBalanceSection(sheet, styles, firstRow);
        section.transactions(balances.transactions());
        section.unbalancedClaims(balances.transactions());
        section.claimAdjustments(balances.claimAdjustments());
        section.providerAdjustments(balances.providerAdjustments());
        section.claims(balances);
        return section.r;
    }

    private void transactions(List<TransactionBalance> transactions) {
        if (transactions.isEmpty()) {
            return;
        }
        header(TITLE, List.of("File", "Payer", "Check Number", "BPR02 Paid", "Sum CLP04", "Sum PLB", "Difference",
                "Claims", "Lines", "Result"));
        note("Per transaction set: BPR02 = sum of CLP04 - sum of PLB; each claim CLP03 - CAS = CLP04; each line "
                + "SVC02 - CAS = SVC03. A break never stops the run: its lines are flagged OUT_OF_BALANCE.");
        for (TransactionBalance t : transactions) {
            Row row = row(r++);
            wrapped(row, 0, t.file() + " (ST at segment " + t.stPosition() + ")");
            wrapped(row, 1, payer(t.payerId(), t.payerName()));
            text(row, 2, t.checkNumber(), styles.top);
            money(row, 3, t.paymentAmount());
            money(row, 4, t.claimPaidTotal());
            money(row, 5, t.providerAdjustmentTotal());
            money(row, 6, t.difference());
            number(row, 7, t.claims(), styles.top);
            number(row, 8, t.serviceLines(), styles.top);
            String result = result(t);
            text(row, 9, result, result.equals("Balances") ? styles.afterNumber : styles.warningAfterNumber);
            SummaryWriter.fitText(row, 9, result);
        }
        r++;
    }

    static String result(TransactionBalance t) {
        StringBuilder b = new StringBuilder();
        if (!t.transactionBalances()) {
            b.append("Payment off by ").append(Money.cents(t.difference()).toPlainString());
        }
        if (!t.claimsBalance()) {
            b.append(b.isEmpty() ? "" : "; ").append(t.unbalancedClaims().size()).append(" claim(s) do not balance");
        }
        if (!t.serviceLinesBalance()) {
            b.append(b.isEmpty() ? "" : "; ").append(t.unbalancedServiceLines()).append(" line(s) do not balance");
        }
        return b.isEmpty() ? "Balances" : b.toString();
    }

    private void unbalancedClaims(List<TransactionBalance> transactions) {
        long total = transactions.stream().mapToLong(t -> t.unbalancedClaims().size()).sum();
        if (total == 0) {
            return;
        }
        header(CLAIMS_OFF, List.of("Claim ID", "File", "Check Number", "CLP03 Charge", "CLP04 Paid", "Sum CAS",
                "Difference"));
        int shown = 0;
        for (TransactionBalance t : transactions) {
            for (TransactionBalance.ClaimBalance c : t.unbalancedClaims()) {
                if (shown++ == MAX_ROWS) {
                    more(total - MAX_ROWS);
                    r++;
                    return;
                }
                Row row = row(r++);
                text(row, 0, c.claimId(), styles.top);
                text(row, 1, t.file(), styles.top);
                text(row, 2, t.checkNumber(), styles.top);
                money(row, 3, c.charge());
                money(row, 4, c.paid());
                money(row, 5, c.adjustments());
                money(row, 6, c.difference());
            }
        }
        r++;
    }

    private void claimAdjustments(List<ClaimAdjustment> adjustments) {
        if (adjustments.isEmpty()) {
            return;
        }
        header(CLAIM_CAS, List.of("Claim ID", "Payer", "Check Number", "Adjustment", "Amount", "Quantity"));
        note("They belong to no line: every target line of these claims is flagged CLAIM_ADJUSTMENT.");
        for (int i = 0; i < adjustments.size(); i++) {
            if (i == MAX_ROWS) {
                more(adjustments.size() - MAX_ROWS);
                break;
            }
            ClaimAdjustment a = adjustments.get(i);
            Row row = row(r++);
            text(row, 0, a.claimId(), styles.top);
            text(row, 1, a.payerId(), styles.top);
            text(row, 2, a.checkNumber(), styles.top);
            text(row, 3, a.group() + "-" + a.reason(), styles.top);
            money(row, 4, a.amount());
            if (a.quantity() != null) {
                Cell q = row.createCell(5);
                q.setCellValue(a.quantity().doubleValue());
                q.setCellStyle(styles.top);
            }
        }
        r++;
    }

    private void providerAdjustments(List<ProviderAdjustment> adjustments) {
        if (adjustments.isEmpty()) {
            return;
        }
        header(PLB, List.of("Check Number", "Reason", "Code", "Amount", "Reference", "Provider", "Fiscal Date"));
        note("A positive amount was withheld from the payment (a recoupment); a negative one was added (interest).");
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < adjustments.size(); i++) {
            ProviderAdjustment a = adjustments.get(i);
            total = total.add(a.amount());
            if (i == MAX_ROWS) {
                more(adjustments.size() - MAX_ROWS);
            }
            if (i >= MAX_ROWS) {
                continue;
            }
            Row row = row(r++);
            text(row, 0, a.checkNumber(), styles.top);
            text(row, 1, PLB_REASONS.getOrDefault(a.reason(), "Code " + a.reason()), styles.top);
            text(row, 2, a.reason(), styles.top);
            money(row, 3, a.amount());
            text(row, 4, a.reference(), styles.top);
            text(row, 5, a.providerId(), styles.top);
            text(row, 6, a.fiscalPeriodDate(), styles.top);
        }
        Row sum = row(r++);
        text(sum, 1, "Total", styles.bold);
        money(sum, 3, total);
        r++;
    }

    private void claims(RemittanceBalances b) {
        if (b.claimLines() == null) {
            return;
        }
        header(CLAIMS, List.of("", "", "Lines"));
        note("The claims files are listed under Input files; their lines are counted here, over all of them: a claim "
                + "sent more than once counts in its latest version.");
        Row kept = row(r++);
        text(kept, 0, TARGET_CLAIM_LINES, styles.top);
        explain(kept, "the target-code lines of the claims given");
        number(kept, 2, b.claimLines(), styles.top);
        Row joined = row(r++);
        text(joined, 0, JOINED, styles.top);
        explain(joined, "their NDC, quantity and drug description went to the 835 line");
        number(joined, 2, b.claimLines() - b.unjoinedClaimLines(), styles.top);
        Row unjoined = row(r++);
        text(unjoined, 0, NOT_JOINED, styles.top);
        explain(unjoined, "not reconciled: nothing was paid on them yet");
        number(unjoined, 2, b.unjoinedClaimLines(), styles.top);
        if (b.claimLines() == 0) {
            // an 837 without a target line, or a folder of other claims: every 835 line is CLAIM_LINE_NOT_FOUND
            SummaryWriter.paragraph(sheet, row(r++), NO_TARGET_LINES, styles.warning);
        }
        r++;
    }

    // ---- cells -----------------------------------------------------------------------------

    private static String payer(String id, String name) {
        if (id == null) {
            return name;
        }
        return name == null ? id : id + " " + name;
    }

    private void money(Row row, int column, BigDecimal value) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(Money.cents(value).doubleValue());
        cell.setCellStyle(styles.money);
    }

    private void note(String text) {
        SummaryWriter.paragraph(sheet, row(r++), text, styles.note);
    }

    /** A text cell that wraps, its row as tall as it needs. */
    private void wrapped(Row row, int column, String text) {
        text(row, column, text, styles.wrapped);
        SummaryWriter.fitText(row, column, text);
    }

    /** What a count means, in column B beside it. */
    private void explain(Row row, String text) {
        text(row, 1, text, styles.note);
        SummaryWriter.fitText(row, 1, text);
    }

    private void more(long count) {
        note("... and " + count + " more (shown up to " + MAX_ROWS + ")");
    }

    private void header(String title, List<String> headers) {
        Row t = row(r++);
        t.setHeightInPoints(18);
        text(t, 0, title, styles.section);
        Row row = row(r++);
        for (int i = 0; i < headers.size(); i++) {
            CellStyle style = NUMERIC.contains(headers.get(i)) ? styles.headerRight : styles.header;
            text(row, i, headers.get(i), style);
            SummaryWriter.fitText(row, i, headers.get(i)); // a header wider than its column wraps
        }
    }

    private Row row(int index) {
        Row row = sheet.getRow(index);
        return row == null ? sheet.createRow(index) : row;
    }
}
