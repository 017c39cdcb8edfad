package com.rcm.j3490.workbook;

import static com.rcm.j3490.workbook.Nights.line;

import com.rcm.j3490.backlog.BacklogStore;
import com.rcm.j3490.backlog.TeamColumns;
import com.rcm.j3490.backlog.WorkStatus;
import com.rcm.j3490.reference.CodeDescriptionCatalog;
import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.rules.Status;
import com.rcm.j3490.rules.TeamRouter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small night of realistic lines, with the shipped code descriptions: what the render test and docs show. */
final class SampleWorkbook {
    private SampleWorkbook() {
    }

    static List<ReconciledLine> lines(LocalDate today) {
        String[][] payers = {{"P001", "Acme Health"}, {"P002", "Blue Ridge Medicare"}, {"P003", "Summit Care"}};
        List<ReconciledLine> lines = new ArrayList<>();
        Object[][] rows = {
            {Status.UNDERPAID, "1840.00", null, null, TeamRouter.BILLING},
            {Status.UNDERPAID, "612.50", null, null, TeamRouter.BILLING},
            {Status.UNDERPAID, "95.20", null, null, TeamRouter.BILLING},
            {Status.DENIED_CO16, "2310.00", "CO-16", "M119", TeamRouter.CODING},
            {Status.DENIED_CO16, "780.00", "CO-16", "N290", TeamRouter.BILLING},
            {Status.DENIED_CO16, "415.00", "CO-16", "MA130", TeamRouter.BILLING},
            {Status.DENIED_CO50, "3125.00", "CO-50", "N115", TeamRouter.CLINICAL_DOCUMENTATION},
            {Status.DENIED_CO50, "1410.00", "CO-50", null, TeamRouter.CLINICAL_DOCUMENTATION},
            {Status.DENIED_CO151, "960.00", "CO-151", "N386", TeamRouter.AUTHORIZATION},
            {Status.DENIED_OTHER, "1275.00", "CO-197", null, TeamRouter.AUTHORIZATION},
            {Status.DENIED_OTHER, "540.00", "CO-4", "N519", TeamRouter.CODING},
            {Status.DENIED_OTHER, "330.00", "CO-96;OA-23", "N130", TeamRouter.BILLING},
            {Status.DENIED_OTHER, "210.00", "CO-29", null, TeamRouter.BILLING},
            {Status.NO_EXPECTED, "0.00", null, null, TeamRouter.BILLING},
            {Status.OVERPAID, "188.40", null, null, TeamRouter.BILLING},
            {Status.PATIENT_RESP, "245.00", null, null, TeamRouter.PATIENT_ACCOUNTS},
            {Status.REVERSED, "1120.00", null, null, TeamRouter.BILLING},
            {Status.PAID_OK, "0.00", null, null, null},
            {Status.PAID_OK, "0.00", null, null, null},
            {Status.PAID_OK, "0.00", null, null, null},
        };
        for (int i = 0; i < rows.length; i++) {
            Object[] r = rows[i];
            String[] payer = payers[i % payers.length];
            Nights.LineBuilder b = line(String.format("CLM%05d", 20417 + i * 37))
                    .payer(payer[0], payer[1])
                    .status((Status) r[0])
                    .atStake((String) r[1])
                    .check("EFT" + (88100 + i % 4))
                    .deadline(today.plusDays(switch (i % 5) {
                        case 0 -> -3;
                        case 1 -> 6;
                        case 2 -> 40;
                        case 3 -> 12;
                        default -> 75;
                    }));
            if (r[2] != null) {
                b.denial(((String) r[2]).split(";"));
            }
            if (r[3] != null) {
                b.remarks((String) r[3]);
            }
            b.team = (String) r[4];
            b.drugName = i == 6 ? "=HYPERLINK(\"http://x\",\"y\")" : "Bevacizumab-awwb 10 mg";
            lines.add(b.build());
        }
        return lines;
    }

    /** Writes the sample workbook for {@code runDate} into {@code dir}; no carry-over. */
    static Path write(Path dir, LocalDate runDate) {
        CodeDescriptionCatalog codes = CodeDescriptionCatalog.load(null);
        List<ReconciledLine> lines = lines(runDate);
        RunSummary base = Nights.summary(runDate, lines);
        RunSummary summary = new RunSummary(base.runDate(), runDate.atTime(2, 0),
                List.of(new RunSummary.InputFile("Remittance", "era-2026-11-22.csv", 412, (long) lines.size(), 1, null),
                        new RunSummary.InputFile("Remittance", "era-2026-11-21.csv", 380, 0L, 0,
                                "content already reconciled by the run of 2026-11-22"),
                        new RunSummary.InputFile("Contracts", "payer-contracts.csv", 3, null, 0, null),
                        new RunSummary.InputFile("ASP pricing", "asp-pricing.csv", 1200, null, 0, null)),
                base.total(), base.byStatus(), base.byPayer(), 392, 2, 1,
                base.byDenialReason().stream().map(g -> new RunSummary.Group(g.key(),
                        codes.carc(g.key().substring(g.key().indexOf('-') + 1)), g.lines(), g.billed(), g.paid(),
                        g.reimbursed(), g.expected(), g.variance(), g.atStake())).toList(),
                base.topLines(),
                List.of("CO", "PR", "OA", "PI", "CR").stream()
                        .map(g -> new RunSummary.CodeNote(g, codes.group(g))).toList());
        BacklogStore store = Nights.store(dir);
        // an earlier night, worked by the team: owners, notes, an appeal, a write-off
        LocalDate earlier = runDate.minusDays(41);
        List<ReconciledLine> earlierLines = lines.subList(0, 12).stream()
                .map(l -> new Nights.LineBuilder(l).serviceDate(l.serviceDate().minusDays(41)).build()).toList();
        try (BacklogStore.Night night = store.night(earlier)) {
            earlierLines.forEach(night::line);
            night.finish();
        }
        try (BacklogStore.Night night = store.night(runDate)) {
            int i = 0;
            for (ReconciledLine l : earlierLines) {
                String owner = new String[] {"Maria", "Dev", "Ana"}[i % 3];
                WorkStatus status = i == 2 ? WorkStatus.WRITTEN_OFF : i % 4 == 1 ? WorkStatus.APPEALED
                        : WorkStatus.IN_PROGRESS;
                night.team(com.rcm.j3490.backlog.ItemKey.of(l), new TeamColumns(owner, status,
                        runDate.plusDays(3 + i), i == 2 ? "Under the small-balance threshold" : "Called payer", Map.of()));
                i++;
            }
            // tonight: the payer pays the first CO-16 denial in full, and the new lines arrive
            ReconciledLine denial = earlierLines.get(3);
            night.line(new Nights.LineBuilder(denial).status(Status.PAID_OK).paid("2310.00").atStake("0.00").build());
            lines.subList(12, lines.size()).forEach(night::line);
            night.finish();
        }
        try (WorklistWorkbookWriter writer = new WorklistWorkbookWriter(dir, runDate, codes, Nights.OPTIONS,
                store.extraColumns())) {
            writer.summary(summary);
            writer.notes(new SummaryWriter.Notes(List.of("The team's columns were read from j3490-worklist-"
                    + runDate.minusDays(1) + ".xlsx: 12 row(s) of 9 worklist sheet(s)."),
                    List.of("Payer P003: a contract row was rejected (see Rejected Rows). Lines it would have "
                            + "priced are flagged and may be priced by another row or not at all: fix the contract "
                            + "file and rerun.")));
            try (var sheet = writer.allLines()) {
                lines.forEach(sheet);
            }
            writer.backlog(store, dir.resolve("tmp"));
            writer.rejectedRows(sink -> sink.accept(new com.rcm.j3490.input.RowRejection("era-2026-11-22.csv", 118,
                    "service_date is not a real date (no such day)", "CLM77,P001,2026-13-01,J3490,...")));
            return writer.commit();
        }
    }
}
