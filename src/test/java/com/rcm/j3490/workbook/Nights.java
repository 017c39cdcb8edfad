package com.rcm.j3490.workbook;

import com.rcm.j3490.backlog.BacklogStore;
import com.rcm.j3490.carryover.TeamInput;
import com.rcm.j3490.input.RowRejection;
import com.rcm.j3490.rules.Basis;
import com.rcm.j3490.rules.CodeDescriptions;
import com.rcm.j3490.rules.DrugSource;
import com.rcm.j3490.rules.Flag;
import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.rules.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** Test helpers: reconciled lines, a night's workbook written as the job writes it, and a biller's edits. */
final class Nights {
    static final LocalDate NIGHT_1 = LocalDate.of(2026, 11, 23);
    static final LocalDate NIGHT_2 = NIGHT_1.plusDays(1);
    static final LocalDate NIGHT_3 = NIGHT_1.plusDays(2);

    /** Descriptions "CARC 16" / "RARC N290", so a test can see which code was described. */
    static final CodeDescriptions DESCRIPTIONS = com.rcm.j3490.rules.Lines.DESCRIPTIONS;

    private Nights() {
    }

    static LineBuilder line(String claimId) {
        return new LineBuilder(claimId);
    }

    /** A builder holding an existing line's identity and figures (to send a later word on it). */
    static LineBuilder like(ReconciledLine l) {
        return new LineBuilder(l);
    }

    /** A reconciled line with plausible defaults; an UNDERPAID line unless told otherwise. */
    static final class LineBuilder {
        String claimId;
        String lineNumber = "1";
        String checkNumber = "CHK100";
        String claimStatus = "1";
        String payerId = "P001";
        String payerName = "Acme Health";
        String patientName = "DOE, JANE";
        LocalDate serviceDate = LocalDate.of(2026, 9, 1);
        LocalDate paymentDate = LocalDate.of(2026, 10, 1);
        String drugName = "Drug X 10 mg";
        BigDecimal billed = new BigDecimal("500.00");
        BigDecimal paid = new BigDecimal("300.00");
        BigDecimal expected = new BigDecimal("450.00");
        Status status = Status.UNDERPAID;
        List<String> denialCodes = List.of();
        List<String> remarkCodes = List.of();
        String team = "Billing";
        LocalDate appealDeadline = LocalDate.of(2026, 12, 31);
        BigDecimal atStake = new BigDecimal("150.00");
        Basis basis = Basis.CHARGE;
        String adjustments = "";
        BigDecimal allowed;

        LineBuilder(String claimId) {
            this.claimId = claimId;
        }

        LineBuilder(ReconciledLine l) {
            claimId = l.claimId();
            lineNumber = l.lineNumber();
            checkNumber = l.checkNumber();
            claimStatus = l.claimStatus();
            payerId = l.payerId();
            payerName = l.payerName();
            patientName = l.patientName();
            serviceDate = l.serviceDate();
            paymentDate = l.paymentDate();
            drugName = l.drugName();
            billed = l.billed();
            paid = l.paid();
            expected = l.expected();
            status = l.status();
            denialCodes = l.denialCodes();
            remarkCodes = l.remarkCodes();
            team = l.team();
            appealDeadline = l.appealDeadline();
            atStake = l.amountAtStake();
            basis = l.basis();
            adjustments = l.adjustments();
            allowed = l.allowed();
        }

        LineBuilder serviceDate(LocalDate d) {
            serviceDate = d;
            return this;
        }

        LineBuilder paymentDate(LocalDate d) {
            paymentDate = d;
            return this;
        }

        /** The adjustments as sent: GROUP-REASON:AMOUNT[:QUANTITY];... */
        LineBuilder adjustments(String sent) {
            adjustments = sent;
            return this;
        }

        LineBuilder allowed(String amount) {
            allowed = new BigDecimal(amount);
            return this;
        }

        LineBuilder patient(String name) {
            patientName = name;
            return this;
        }

        LineBuilder line(String n) {
            lineNumber = n;
            return this;
        }

        LineBuilder check(String c) {
            checkNumber = c;
            return this;
        }

        LineBuilder paid(String amount) {
            paid = new BigDecimal(amount);
            return this;
        }

        LineBuilder status(Status s) {
            status = s;
            return this;
        }

        LineBuilder denial(String... codes) {
            denialCodes = List.of(codes);
            return this;
        }

        LineBuilder remarks(String... codes) {
            remarkCodes = List.of(codes);
            return this;
        }

        LineBuilder drug(String name) {
            drugName = name;
            return this;
        }

        LineBuilder atStake(String amount) {
            atStake = new BigDecimal(amount);
            return this;
        }

        LineBuilder deadline(LocalDate d) {
            appealDeadline = d;
            return this;
        }

        LineBuilder payer(String id, String name) {
            payerId = id;
            payerName = name;
            return this;
        }

        ReconciledLine build() {
            BigDecimal variance = expected == null ? null : paid.subtract(expected);
            return new ReconciledLine(claimId, lineNumber, checkNumber, claimStatus, payerId, payerName, "PCN-" + claimId,
                    patientName, serviceDate, paymentDate, "J3490", "JZ", "12345678901", drugName, new BigDecimal("2"),
                    "UN", new BigDecimal("1"), billed, paid, paid, expected, variance, basis, new BigDecimal("100"), null,
                    status, denialCodes, remarkCodes, EnumSet.noneOf(Flag.class), "Appeal the underpayment with the contract.",
                    team, appealDeadline, atStake, DrugSource.NONE, new BigDecimal("1"), allowed, adjustments,
                    serviceDate.plusDays(365));
        }
    }

    /** The folder's own backlog database (an H2 file under it), with the job's schema. */
    static BacklogStore store(Path dir) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.toAbsolutePath().resolve("db/backlog"));
        ds.setUser("sa");
        new ResourceDatabasePopulator(new ClassPathResource("db/backlog-schema.sql")).execute(ds);
        return new BacklogStore(ds);
    }

    static final WorklistWorkbookWriter.Options OPTIONS = new WorklistWorkbookWriter.Options(14, true, 30);

    /**
     * A night as the job runs it: the team's columns read back from the newest earlier workbook in
     * {@code dir} and the night's lines applied to the items of the folder's database, then the
     * workbook: All Lines, the worklists and Resolved from the items, Rejected Rows, the Summary.
     */
    static Path write(Path dir, LocalDate runDate, List<ReconciledLine> lines, int maxDataRows, CodeDescriptions codes,
            WorklistWorkbookWriter.Options options) {
        BacklogStore store = store(dir);
        TeamInput.Outcome team;
        try (BacklogStore.Night night = store.night(runDate)) {
            team = TeamInput.read(dir, runDate, store.lastTeamWorkbookDate(), night);
            lines.forEach(night::line);
            night.finish();
        }
        try (WorklistWorkbookWriter writer = new WorklistWorkbookWriter(dir, runDate, codes, options,
                store.extraColumns(), maxDataRows > 0 ? maxDataRows : WorklistWorkbookWriter.EXCEL_MAX_DATA_ROWS)) {
            writer.summary(summary(runDate, lines));
            writer.notes(new SummaryWriter.Notes(team.facts(), team.warnings()));
            try (var sheet = writer.allLines()) {
                lines.forEach(sheet);
            }
            writer.backlog(store, dir.resolve("tmp"));
            writer.rejectedRows(sink -> sink.accept(new RowRejection("remit.csv", 7, "bad date", "a,b,=1+1")));
            return writer.commit();
        }
    }

    static Path write(Path dir, LocalDate runDate, List<ReconciledLine> lines, int maxDataRows, CodeDescriptions codes) {
        return write(dir, runDate, lines, maxDataRows, codes, OPTIONS);
    }

    static Path write(Path dir, LocalDate runDate, List<ReconciledLine> lines) {
        return write(dir, runDate, lines, 0, DESCRIPTIONS);
    }

    static RunSummary summary(LocalDate runDate, List<ReconciledLine> lines) {
        List<RunSummary.Group> byStatus = new ArrayList<>();
        for (Status s : Status.values()) {
            byStatus.add(group(s.name(), s.label(), lines.stream().filter(l -> l.status() == s).toList()));
        }
        Map<String, List<ReconciledLine>> byPayer = new LinkedHashMap<>();
        lines.forEach(l -> byPayer.computeIfAbsent(l.payerId(), k -> new ArrayList<>()).add(l));
        Map<String, List<ReconciledLine>> byCode = new LinkedHashMap<>();
        lines.forEach(l -> l.denialCodes().forEach(c -> byCode.computeIfAbsent(c, k -> new ArrayList<>()).add(l)));
        return new RunSummary(runDate, LocalDateTime.of(2026, 11, 23, 2, 0),
                List.of(new RunSummary.InputFile("Remittance", "remit.csv", lines.size() + 1L, (long) lines.size(), 1, null)),
                group("ALL", "All lines", lines), byStatus,
                byPayer.entrySet().stream().map(e -> group(e.getKey(), e.getValue().get(0).payerName(), e.getValue()))
                        .toList(),
                3, 1, 1,
                byCode.entrySet().stream().map(e -> group(e.getKey(), "CARC " + e.getKey().substring(3), e.getValue()))
                        .sorted(Comparator.comparing(RunSummary.Group::atStake).reversed()).toList(),
                lines.stream().sorted(Comparator.comparing(ReconciledLine::amountAtStake).reversed()).limit(10).toList(),
                List.of(new RunSummary.CodeNote("CO", "Contractual obligation."),
                        new RunSummary.CodeNote("PR", "Patient responsibility.")));
    }

    private static RunSummary.Group group(String key, String label, List<ReconciledLine> lines) {
        Function<Function<ReconciledLine, BigDecimal>, BigDecimal> sum = f -> lines.stream().map(f)
                .filter(v -> v != null).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new RunSummary.Group(key, label, lines.size(), sum.apply(ReconciledLine::billed),
                sum.apply(ReconciledLine::paid), sum.apply(ReconciledLine::reimbursed), sum.apply(ReconciledLine::expected),
                sum.apply(ReconciledLine::variance), sum.apply(ReconciledLine::amountAtStake));
    }

    // ---- reading back ----------------------------------------------------------------------------

    static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    /** Header name to column index of a sheet's first row. */
    static Map<String, Integer> headers(Sheet sheet) {
        Map<String, Integer> headers = new HashMap<>();
        for (Cell c : sheet.getRow(0)) {
            headers.put(c.getStringCellValue(), c.getColumnIndex());
        }
        return headers;
    }

    /** Data rows of a sheet whose Claim ID is {@code claimId}. */
    static List<Row> rowsOf(Sheet sheet, String claimId) {
        int col = headers(sheet).get(LineColumns.CLAIM_ID);
        List<Row> rows = new ArrayList<>();
        for (Row row : sheet) {
            Cell c = row.getCell(col);
            if (row.getRowNum() > 0 && c != null && c.getCellType() == CellType.STRING
                    && c.getStringCellValue().equals(claimId)) {
                rows.add(row);
            }
        }
        return rows;
    }

    static String value(Sheet sheet, Row row, String header) {
        Cell c = row.getCell(headers(sheet).get(header));
        return c == null ? "" : new DataFormatter().formatCellValue(c);
    }

    /** Like a biller: opens the workbook in a spreadsheet program, edits, and saves it under its name. */
    static void edit(Path file, Consumer<XSSFWorkbook> edits) throws IOException {
        Path saved = file.resolveSibling(file.getFileName() + ".saving");
        try (XSSFWorkbook wb = open(file)) {
            edits.accept(wb);
            try (OutputStream out = Files.newOutputStream(saved)) {
                wb.write(out);
            }
        }
        Files.move(saved, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Sets a team column of the row of {@code claimId} on {@code sheetName}. */
    static void setWork(XSSFWorkbook wb, String sheetName, String claimId, String header, Object value) {
        Sheet sheet = wb.getSheet(sheetName);
        Row row = rowsOf(sheet, claimId).get(0);
        Cell cell = row.createCell(headers(sheet).get(header));
        if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            var style = wb.createCellStyle();
            style.setDataFormat(wb.createDataFormat().getFormat("m/d/yy"));
            cell.setCellStyle(style);
        } else {
            cell.setCellValue((String) value);
        }
    }
}
