package com.rcm.j3490.console;

import com.rcm.j3490.input.RowRejection;
import com.rcm.j3490.job.ReconProperties;
import com.rcm.j3490.ops.RunHistory;
import com.rcm.j3490.ops.RunHistory.Run;
import com.rcm.j3490.reconcile.ReconRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * What a run wrote: its workbook to download and its rejected rows. A run is named by its date
 * and job instance id (no patient data in any address). The file served is only the workbook the
 * job recorded for that run, and only when it is a regular .xlsx file inside the output folder
 * ({@code recon.output.dir}): nothing of the request becomes a path.
 */
@Controller
@Profile(ConsoleCommand.PROFILE)
class RunFilesController {
    /** Rejected rows shown on one page; the workbook's Rejected Rows sheet has them all. */
    static final int REJECTED_ROWS_SHOWN = 1000;
    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final RunHistory history;
    private final ReconRepository recon;
    private final ReconProperties properties;

    RunFilesController(RunHistory history, ReconRepository recon, ReconProperties properties) {
        this.history = history;
        this.recon = recon;
        this.properties = properties;
    }

    @GetMapping("/runs/{runDate}/{instanceId}/workbook")
    ResponseEntity<Resource> workbook(@PathVariable LocalDate runDate, @PathVariable long instanceId) {
        Run run = run(runDate, instanceId);
        Path file = workbookFile(run, properties.output().dir()).orElseThrow(UnknownPage::new);
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.getFileName().toString()).build().toString())
                .body(new FileSystemResource(file));
    }

    /** The rejected rows: file, line, reason and the row as received (pages need a login; never logged). */
    @GetMapping("/runs/{runDate}/{instanceId}/rejected")
    String rejected(@PathVariable LocalDate runDate, @PathVariable long instanceId, Model model) {
        Run run = run(runDate, instanceId);
        List<RowRejection> rows = new ArrayList<>();
        long[] total = {0};
        recon.forEachRejection(instanceId, r -> {
            if (total[0]++ < REJECTED_ROWS_SHOWN) {
                rows.add(r);
            }
        });
        model.addAttribute("runDate", runDate);
        model.addAttribute("run", RunViews.row(run, properties.output().dir()));
        model.addAttribute("rows", rows);
        model.addAttribute("total", total[0]);
        model.addAttribute("shown", REJECTED_ROWS_SHOWN);
        return "console/rejected";
    }

    private Run run(LocalDate runDate, long instanceId) {
        return history.ofDate(runDate).stream()
                .filter(r -> r.instance().getInstanceId() == instanceId)
                .findFirst().orElseThrow(UnknownPage::new);
    }

    /**
     * The run's workbook as the job recorded it, when that is still a regular {@code .xlsx} file
     * inside the output folder (links resolved first, so a link cannot lead out of it).
     */
    static Optional<Path> workbookFile(Run run, Path outputDir) {
        return RunViews.workbookPath(run).flatMap(recorded -> {
            try {
                Path file = Path.of(recorded).toRealPath();
                Path folder = outputDir.toRealPath();
                boolean ok = file.startsWith(folder) && Files.isRegularFile(file)
                        && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
                return ok ? Optional.of(file) : Optional.empty();
            } catch (IOException | RuntimeException e) {
                return Optional.empty(); // moved, deleted, or not a path: nothing to download
            }
        });
    }
}
