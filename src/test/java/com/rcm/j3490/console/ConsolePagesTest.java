package com.rcm.j3490.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.rcm.j3490.ReconApplication;
import com.rcm.j3490.backlog.BacklogLines;
import com.rcm.j3490.backlog.BacklogStore;
import com.rcm.j3490.ops.OpsFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.springframework.batch.core.job.JobExecution;
import java.util.ArrayList;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

/**
 * Each page and each security rule of the console, through MockMvc, on a job repository holding
 * runs left in known states. The actions go to a recording {@link RunOperations}: what the page
 * does with an answer (message, audit row) is tested here, the operations themselves elsewhere.
 */
@SpringBootTest(classes = {ReconApplication.class, ConsolePagesTest.Recording.class})
@AutoConfigureMockMvc
@ActiveProfiles(ConsoleCommand.PROFILE)
class ConsolePagesTest {
    private static final LocalDate FAILED_DAY = LocalDate.of(2026, 1, 5);
    private static final LocalDate DEAD_DAY = LocalDate.of(2026, 1, 6);
    private static final LocalDate DONE_DAY = LocalDate.of(2026, 1, 4);
    private static final String NAME = "ConsolePagesTest";
    private static final Path FILES = ConsoleFixtures.files(NAME);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ConsoleFixtures.register(registry, NAME, 2);
        registry.add("recon.console.schedule", () -> "true");
        registry.add("recon.schedule.cron", () -> "0 30 1 * * *");
        registry.add("recon.schedule.zone", () -> "UTC");
    }

    @TestConfiguration
    static class Recording {
        @Bean
        @Primary
        RecordingOperations recordingOperations() {
            return new RecordingOperations();
        }
    }

    /** Answers what it is told to and remembers what it was asked. */
    static class RecordingOperations implements RunOperations {
        final List<String> calls = new ArrayList<>();
        ActionResult answer = ActionResult.done("done");

        private ActionResult call(String what) {
            calls.add(what);
            return answer;
        }

        @Override public ActionResult launch(LocalDate d) { return call("launch " + d); }
        @Override public ActionResult restart(LocalDate d) { return call("restart " + d); }
        @Override public ActionResult recover(LocalDate d, boolean dead) { return call("recover " + d + " " + dead); }
        @Override public ActionResult abandon(LocalDate d) { return call("abandon " + d); }
        @Override public ActionResult rerun(LocalDate d) { return call("rerun " + d); }

        String busy;

        @Override public Optional<String> running() { return Optional.ofNullable(busy); }
    }

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired JobRepository jobRepository;
    @Autowired RecordingOperations operations;
    @Autowired AuditLog audit;
    @Autowired BacklogStore backlogStore;
    @Autowired ReconCommandsOperations.CommandsFactory commandsFactory;
    @Autowired com.rcm.j3490.ops.RunHistory history;

    @BeforeEach
    void runsInKnownStates() throws IOException {
        ConsoleFixtures.inputs(NAME);
        ConsoleFixtures.clean(jdbc);
        ConsoleFixtures.failedRun(jobRepository, FAILED_DAY, "remittance file era-7.csv is not readable");
        ConsoleFixtures.startedByADeadProcess(jobRepository, DEAD_DAY);
        operations.calls.clear();
        operations.answer = ActionResult.done("done");
        operations.busy = null;
    }

    private static RequestPostProcessor viewer() {
        return user(ConsoleFixtures.VIEWER).roles("VIEWER");
    }

    private static RequestPostProcessor manager() {
        return user(ConsoleFixtures.MANAGER).roles("MANAGER");
    }

    // ---- login ------------------------------------------------------------------------------

    @Test
    void anAnonymousRequestIsSentToTheLoginPage() throws Exception {
        for (String page : List.of("/", "/runs", "/runs/2026-01-05", "/runs/2026-01-05/actions/restart")) {
            mvc.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }
        mvc.perform(post("/runs/2026-01-05/actions/restart").with(csrf())).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
        assertThat(operations.calls).isEmpty();
    }

    @Test
    void theLoginPageIsAPlainFormWithACsrfToken() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("name=\"_csrf\"")))
                .andExpect(content().string(Matchers.containsString("name=\"password\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<script"))));
    }

    @Test
    void aConfiguredUserLogsInWithTheirPasswordAndNobodyElseDoes() throws Exception {
        mvc.perform(formLogin("/login").user(ConsoleFixtures.VIEWER).password(ConsoleFixtures.PASSWORD))
                .andExpect(redirectedUrl("/runs"));
        mvc.perform(formLogin("/login").user(ConsoleFixtures.VIEWER).password("wrong password"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user("nobody").password(ConsoleFixtures.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aLoginWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", ConsoleFixtures.VIEWER).param("password", ConsoleFixtures.PASSWORD))
                .andExpect(status().isForbidden());
    }

    // ---- pages ------------------------------------------------------------------------------

    @Test
    void theRunsPageListsTheRunsWithTheFailingStepAndItsReason() throws Exception {
        mvc.perform(get("/runs").with(viewer())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("2026-01-05")))
                .andExpect(content().string(Matchers.containsString("FAILED")))
                .andExpect(content().string(Matchers.containsString("reconcileLines: ")))
                .andExpect(content().string(Matchers.containsString("remittance file era-7.csv is not readable")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("\tat "))))
                .andExpect(content().string(Matchers.containsString("running, or its process died")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Launch tonight"))));
    }

    @Test
    void aManagerSeesTheLaunchButtonOnTheRunsPage() throws Exception {
        mvc.perform(get("/runs").with(manager())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/runs/" + LocalDate.now() + "/actions/launch")));
    }

    @Test
    void theRunPageShowsExecutionsStepsAndTheNextActionToAManagerOnly() throws Exception {
        mvc.perform(get("/runs/2026-01-05").with(manager())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("reconcileLines")))
                .andExpect(content().string(Matchers.containsString("remittance file era-7.csv is not readable")))
                .andExpect(content().string(Matchers.containsString("/runs/2026-01-05/actions/restart")))
                .andExpect(content().string(Matchers.containsString("/runs/2026-01-05/actions/abandon")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/actions/rerun"))));
        mvc.perform(get("/runs/2026-01-06").with(manager()))
                .andExpect(content().string(Matchers.containsString("/runs/2026-01-06/actions/recover")));
        mvc.perform(get("/runs/2026-01-05").with(viewer())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("reconcileLines")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/actions/"))));
    }

    /** The show command's "Next:" line, in its words, and the buttons of the commands it names (MANAGER only). */
    @Test
    void theRunPageSaysWhatToDoNextInTheShowCommandsWordsWithItsButtons() throws Exception {
        String failed = page("/runs/2026-01-05", manager());
        assertThat(failed).contains("<dt>Next</dt><dd class=\"next\">fix the cause, then: restart runDate=2026-01-05 "
                + "(resumes after the last commit); or give it up: abandon runDate=2026-01-05</dd>");
        assertThat(actionButtons(failed)).containsExactly("restart", "abandon");

        String dead = page("/runs/2026-01-06", manager());
        assertThat(dead).contains("its process died (this process holds the repository alone): recover "
                + "runDate=2026-01-06, then: restart runDate=2026-01-06");
        assertThat(actionButtons(dead)).containsExactly("recover");

        LocalDate staged = LocalDate.of(2026, 1, 9);
        ConsoleFixtures.failedRun(jobRepository, staged, "the workbook cannot be built from the staged lines (a value "
                + "too large); a restart rebuilds it from the same lines and would fail the same way. Fix the input "
                + "file, then " + com.rcm.j3490.job.FailureReason.rerunAdvice(staged));
        String rerunNeeded = page("/runs/" + staged, manager());
        assertThat(rerunNeeded).contains("a restart would fail the same way: fix the input, then abandon "
                + "runDate=2026-01-09, then rerun runDate=2026-01-09 --confirm");
        assertThat(actionButtons(rerunNeeded)).as("no restart button when a restart would fail the same way")
                .containsExactly("abandon");

        ConsoleFixtures.completedRun(jobRepository, DONE_DAY, FILES.resolve("reports/none.xlsx"));
        String done = page("/runs/" + DONE_DAY, manager());
        assertThat(done).contains("nothing to do. To reconcile the date again on purpose: rerun runDate=2026-01-04 "
                + "--confirm");
        assertThat(actionButtons(done)).containsExactly("rerun");

        String none = page("/runs/2026-02-02", manager());
        assertThat(none).contains("Next: no run yet: launch it (at the terminal: runDate=2026-02-02)");
        assertThat(actionButtons(none)).containsExactly("launch");

        String viewer = page("/runs/2026-01-05", viewer());
        assertThat(viewer).as("a viewer reads what to do, without buttons")
                .contains("fix the cause, then: restart runDate=2026-01-05");
        assertThat(actionButtons(viewer)).isEmpty();
    }

    private String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    /** The actions the page's buttons lead to, in order. */
    private static List<String> actionButtons(String page) {
        List<String> actions = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"/runs/[0-9-]+/actions/([a-z]+)\"")
                .matcher(page);
        while (m.find()) {
            actions.add(m.group(1));
        }
        return actions;
    }

    /**
     * docs/operations.md's refusals, through the console's real operations (the same
     * ReconCommands the command line calls): each is a REFUSED result whose message is exactly
     * what the command says at the terminal, and nothing changes.
     */
    @Test
    void theConsoleRefusesWhatTheCommandsRefuseInTheirWords() {
        ConsoleFixtures.completedRun(jobRepository, DONE_DAY, FILES.resolve("reports/done.xlsx"));
        LocalDate none = LocalDate.of(2026, 2, 3);
        RunOperations real = new ReconCommandsOperations(commandsFactory, audit);
        record Refusal(String what, java.util.function.Function<RunOperations, ActionResult> console,
                java.util.function.Function<com.rcm.j3490.ops.ReconCommands, com.rcm.j3490.job.ExitCode> terminal) {
        }
        List<Refusal> refusals = List.of(
                new Refusal("launch a completed date", o -> o.launch(DONE_DAY),
                        c -> c.run(com.rcm.j3490.job.ReconLauncher.parameters(DONE_DAY))),
                new Refusal("restart a completed date", o -> o.restart(DONE_DAY), c -> c.restart(DONE_DAY)),
                new Refusal("abandon a completed date", o -> o.abandon(DONE_DAY), c -> c.abandon(DONE_DAY)),
                new Refusal("launch a date marked running", o -> o.launch(DEAD_DAY),
                        c -> c.run(com.rcm.j3490.job.ReconLauncher.parameters(DEAD_DAY))),
                new Refusal("abandon a run marked running", o -> o.abandon(DEAD_DAY), c -> c.abandon(DEAD_DAY)),
                new Refusal("recover a failed run", o -> o.recover(FAILED_DAY, false), c -> c.recover(FAILED_DAY, false)),
                new Refusal("rerun a failed run", o -> o.rerun(FAILED_DAY), c -> c.rerun(FAILED_DAY, true)),
                new Refusal("restart a date without run", o -> o.restart(none), c -> c.restart(none)));
        for (Refusal r : refusals) {
            String terminal = terminalWords(r.terminal());
            ActionResult result = r.console().apply(real);
            assertThat(result.outcome()).as(r.what()).isEqualTo(ActionResult.Outcome.REFUSED);
            assertThat(result.message()).as(r.what()).isNotBlank().isEqualTo(terminal);
        }
        assertThat(history.latest(DONE_DAY).orElseThrow().status()).isEqualTo(org.springframework.batch.core.BatchStatus.COMPLETED);
        assertThat(history.latest(FAILED_DAY).orElseThrow().status()).isEqualTo(org.springframework.batch.core.BatchStatus.FAILED);
        assertThat(history.latest(DEAD_DAY).orElseThrow().status()).isEqualTo(org.springframework.batch.core.BatchStatus.STARTED);
    }

    /** What the command prints at the terminal when it refuses (its one line, or its printed lines). */
    private String terminalWords(java.util.function.Function<com.rcm.j3490.ops.ReconCommands, com.rcm.j3490.job.ExitCode> command) {
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        try {
            com.rcm.j3490.job.ExitCode code = command.apply(commandsFactory.create(
                    new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(code).isNotEqualTo(com.rcm.j3490.job.ExitCode.COMPLETED);
            return printed.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
        } catch (com.rcm.j3490.job.UserError e) {
            return e.getMessage();
        }
    }

    @Test
    void aDateWithoutRunOffersToLaunchIt() throws Exception {
        mvc.perform(get("/runs/2026-02-01").with(manager())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("There is no run of this date")))
                .andExpect(content().string(Matchers.containsString("/runs/2026-02-01/actions/launch")));
    }

    // ---- actions ----------------------------------------------------------------------------

    @Test
    void aManagerSeesAConfirmationPageThatSaysWhatWillHappen() throws Exception {
        mvc.perform(get("/runs/2026-01-05/actions/restart").with(manager())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<span>Restart</span> run <span>2026-01-05</span>?")))
                .andExpect(content().string(Matchers.containsString(HtmlUtils.htmlEscape(RunAction.RESTART.consequence()))))
                .andExpect(content().string(Matchers.containsString("name=\"_csrf\"")))
                .andExpect(content().string(Matchers.containsString("method=\"post\"")));
        mvc.perform(get("/runs/2026-01-06/actions/recover").with(manager()))
                .andExpect(content().string(Matchers.containsString("name=\"processConfirmedDead\"")));
        assertThat(operations.calls).as("a confirmation page changes nothing").isEmpty();
    }

    @Test
    void aViewerCannotActNorSeeAConfirmationPage() throws Exception {
        mvc.perform(get("/runs/2026-01-05/actions/restart").with(viewer())).andExpect(status().isForbidden());
        for (RunAction a : RunAction.values()) {
            mvc.perform(post("/runs/2026-01-05/actions/" + a.word()).with(viewer()).with(csrf()))
                    .andExpect(status().isForbidden())
                    .andExpect(content().string(Matchers.not(Matchers.containsString("Exception"))));
        }
        assertThat(operations.calls).isEmpty();
        assertThat(audit.recent(10)).isEmpty();
    }

    @Test
    void aPostWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/runs/2026-01-05/actions/restart").with(manager())).andExpect(status().isForbidden());
        mvc.perform(post("/runs/2026-01-05/actions/restart").with(manager()).with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden());
        assertThat(operations.calls).isEmpty();
    }

    @Test
    void eachActionCallsItsOperationAuditsItAndShowsTheAnswerOnTheRunPage() throws Exception {
        for (RunAction a : RunAction.values()) {
            mvc.perform(post("/runs/2026-01-05/actions/" + a.word()).with(manager()).with(csrf()))
                    .andExpect(status().isFound()).andExpect(redirectedUrl("/runs/2026-01-05"))
                    .andExpect(flash().attribute("message", a.label() + ": done"))
                    .andExpect(flash().attribute("outcome", "DONE"));
        }
        assertThat(operations.calls).containsExactly("launch 2026-01-05", "restart 2026-01-05",
                "recover 2026-01-05 false", "abandon 2026-01-05", "rerun 2026-01-05");
        assertThat(audit.forDate(FAILED_DAY, 10)).hasSize(5).allSatisfy(e -> {
            assertThat(e.username()).isEqualTo(ConsoleFixtures.MANAGER);
            assertThat(e.result()).isEqualTo("DONE");
        });
        assertThat(audit.forDate(FAILED_DAY, 10).get(0).action()).isEqualTo("rerun");
        mvc.perform(get("/runs/2026-01-05").with(manager()))
                .andExpect(content().string(Matchers.containsString("<td>rerun</td>")));
    }

    @Test
    void recoverPassesTheManagersWordThatTheProcessIsDead() throws Exception {
        mvc.perform(post("/runs/2026-01-06/actions/recover").param("processConfirmedDead", "true")
                .with(manager()).with(csrf())).andExpect(status().isFound());
        assertThat(operations.calls).containsExactly("recover 2026-01-06 true");
    }

    @Test
    void aRefusalIsShownAsAMessageAndAudited() throws Exception {
        operations.answer = ActionResult.refused("run 2026-01-05 already completed; nothing to do");
        var result = mvc.perform(post("/runs/2026-01-05/actions/launch").with(manager()).with(csrf()))
                .andExpect(status().isFound()).andReturn();
        mvc.perform(get("/runs/2026-01-05").with(manager()).flashAttrs(result.getFlashMap()))
                .andExpect(content().string(Matchers.containsString("Launch: run 2026-01-05 already completed")))
                .andExpect(content().string(Matchers.containsString("flash refused")));
        assertThat(audit.forDate(FAILED_DAY, 1).get(0).result()).isEqualTo("REFUSED");
    }

    // ---- errors and headers -------------------------------------------------------------------

    @Test
    void errorsAreShownAsPagesWithoutExceptions() throws Exception {
        mvc.perform(get("/runs/2026-01-05/actions/explode").with(manager())).andExpect(status().isNotFound());
        mvc.perform(get("/runs/not-a-date").with(viewer())).andExpect(status().isBadRequest());
        assertThat(operations.calls).isEmpty();
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() throws Exception {
        for (RequestPostProcessor who : List.of(viewer(), SecurityMockMvcRequestPostProcessors.anonymous())) {
            mvc.perform(get("/login").with(who))
                    .andExpect(header().string("Content-Security-Policy", ConsoleSecurityConfiguration.CONTENT_SECURITY_POLICY))
                    .andExpect(header().string("X-Frame-Options", "DENY"))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("Referrer-Policy", "no-referrer"));
        }
        mvc.perform(get("/runs").with(viewer()))
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")));
    }

    // ---- what a run wrote, tonight's inputs, the backlog, progress, the schedule --------------

    @Test
    void aRunsWorkbookDownloadsAndNothingElseDoes() throws Exception {
        Path workbook = Files.write(FILES.resolve("reports/j3490-worklist-2026-01-04.xlsx"), new byte[] {'P', 'K', 3, 4});
        JobExecution done = ConsoleFixtures.completedRun(jobRepository, DONE_DAY, workbook);
        long instance = done.getJobInstance().getInstanceId();
        mvc.perform(get("/runs").with(viewer())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/runs/2026-01-04/" + instance + "/workbook")));
        mvc.perform(get("/runs/2026-01-04/" + instance + "/workbook").with(viewer())).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", RunFilesController.XLSX.toString()))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"j3490-worklist-2026-01-04.xlsx\""))
                .andExpect(content().bytes(Files.readAllBytes(workbook)));
        // another run's id under this date, an unknown id: not found
        long failed = jdbc.queryForObject("SELECT MIN(JOB_INSTANCE_ID) FROM BATCH_JOB_INSTANCE", Long.class);
        mvc.perform(get("/runs/2026-01-04/" + failed + "/workbook").with(viewer())).andExpect(status().isNotFound());
        mvc.perform(get("/runs/2026-01-04/999999/workbook").with(viewer())).andExpect(status().isNotFound());
        mvc.perform(get("/runs/2026-01-04/" + instance + "/workbook")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void onlyAnXlsxInsideTheOutputFolderIsServedWhateverTheRepositorySays() throws Exception {
        Path outside = Files.writeString(FILES.resolve("secret.xlsx"), "not in the output folder");
        long a = ConsoleFixtures.completedRun(jobRepository, DONE_DAY, outside).getJobInstance().getInstanceId();
        Path link = Files.createSymbolicLink(FILES.resolve("reports/link.xlsx"), outside.toAbsolutePath());
        long b = ConsoleFixtures.completedRun(jobRepository, DONE_DAY.minusDays(1), link).getJobInstance().getInstanceId();
        Path text = Files.writeString(FILES.resolve("reports/notes.txt"), "not a workbook");
        long c = ConsoleFixtures.completedRun(jobRepository, DONE_DAY.minusDays(2), text).getJobInstance().getInstanceId();
        Path dotdot = FILES.resolve("reports/../secret.xlsx");
        long d = ConsoleFixtures.completedRun(jobRepository, DONE_DAY.minusDays(3), dotdot).getJobInstance().getInstanceId();
        mvc.perform(get("/runs/2026-01-04/" + a + "/workbook").with(manager())).andExpect(status().isNotFound());
        mvc.perform(get("/runs/2026-01-03/" + b + "/workbook").with(manager())).andExpect(status().isNotFound());
        mvc.perform(get("/runs/2026-01-02/" + c + "/workbook").with(manager())).andExpect(status().isNotFound());
        mvc.perform(get("/runs/2026-01-01/" + d + "/workbook").with(manager())).andExpect(status().isNotFound());
        mvc.perform(get("/runs/2026-01-04").with(manager()))
                .andExpect(content().string(Matchers.containsString("(no longer in the output folder)")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Download workbook"))));
    }

    @Test
    void theRejectedRowsPageShowsFileLineReasonAndTheRowOnlyInItsBody() throws Exception {
        long instance = jdbc.queryForObject("SELECT MIN(JOB_INSTANCE_ID) FROM BATCH_JOB_INSTANCE", Long.class);
        jdbc.update("INSERT INTO recon_rejected_row VALUES (?, 'REMITTANCE', 0, 6, 'era-7.csv', "
                + "'service_date is not a date (use YYYY-MM-DD, M/D/YYYY or YYYYMMDD)', 'C1,P1,DOE JANE,2026-13-45')",
                instance);
        String page = mvc.perform(get("/runs/2026-01-05").with(viewer())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/runs/2026-01-05/" + instance + "/rejected", "Show the 1 rejected row(s)")
                .doesNotContain("DOE JANE");
        mvc.perform(get("/runs/2026-01-05/" + instance + "/rejected").with(viewer())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("era-7.csv"),
                        Matchers.containsString(">6<"), Matchers.containsString("service_date is not a date"),
                        Matchers.containsString("C1,P1,DOE JANE,2026-13-45"))));
        mvc.perform(get("/runs/2026-01-05/" + instance + "/rejected")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void tonightsInputsAreTheJobsListingWithSizesAndWhetherAlreadyReconciled() throws Exception {
        Path era = OpsFixtures.remittance(FILES.resolve("remittance/era-1.csv"), "A", 10, Set.of());
        OpsFixtures.remittance(FILES.resolve("remittance/era-2.csv"), "B", 10, Set.of());
        jdbc.update("INSERT INTO recon_reconciled_file VALUES (?, 'era-0.csv', DATE '2026-01-03', 1, CURRENT_TIMESTAMP)",
                java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(era))));
        String page = mvc.perform(get("/inputs").with(viewer())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("era-1.csv", String.format(java.util.Locale.ROOT, "%,d bytes", Files.size(era)),
                "content already reconciled by the run of 2026-01-03 (as era-0.csv)", "era-2.csv",
                "not yet: tonight&#39;s run reads it", "contracts.csv", "pricing.csv", "invoices.csv");
        Files.delete(FILES.resolve("ref/pricing.csv"));
        mvc.perform(get("/inputs").with(viewer())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("pricing.csv"),
                        Matchers.containsString("does not exist"), Matchers.not(Matchers.containsString("Exception")))));
    }

    @Test
    void theBacklogPageShowsCountsAndDollarsByWorklistAndAge() throws Exception {
        mvc.perform(get("/backlog").with(viewer())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("No night has been applied"),
                        Matchers.containsString("0-30 days"), Matchers.containsString("over 90 days"),
                        Matchers.containsString("Recoverable"), Matchers.containsString("$0.00"))));
    }

    /** The backlog command's own figures (BacklogReport), resolved items included. */
    @Test
    void theBacklogPageShowsTheBacklogCommandsFigures() throws Exception {
        LocalDate night1 = LocalDate.of(2026, 1, 10);
        try (BacklogStore.Night night = backlogStore.night(night1)) {
            night.line(BacklogLines.line("A", com.rcm.j3490.rules.Status.DENIED_CO16).atStake("1210.00").build());
            night.line(BacklogLines.line("B", com.rcm.j3490.rules.Status.OVERPAID).atStake("100.00").build());
            night.finish();
        }
        try (BacklogStore.Night night = backlogStore.night(night1.plusDays(1))) {
            night.line(BacklogLines.line("A", com.rcm.j3490.rules.Status.PAID_OK).paid("1210.00").check("CHK-2").build());
            night.finish();
        }
        String page = page("/backlog", viewer());
        assertThat(page).contains("as of <span>2026-01-11</span>", "Overpaid", "$100.00",
                "<td>On 2026-01-11</td><td class=\"n\">1</td>", "$1,210.00", "Last 30 days")
                .doesNotContain("No night has been applied");
        assertThat(page("/backlog?asOf=2026-03-01", viewer())).as("the command's asOf=: the same items, aged")
                .contains("as of <span>2026-03-01</span>", "61-90 days</td><td class=\"n\">0", "31-60 days</td><td class=\"n\">1");
        assertThat(page("/backlog?asOf=2026-01-01", viewer())).as("the command's refusal, as a message")
                .contains("asOf=2026-01-01 is before the latest run (2026-01-11)").doesNotContain("Exception");
    }

    @Test
    void aRunInProgressShowsRowsRateAndEtaAndThePageReloadsWhileThisConsoleRunsIt() throws Exception {
        ConsoleFixtures.reconciling(jobRepository, LocalDate.of(2026, 1, 8), 120, 400);
        mvc.perform(get("/runs/2026-01-08").with(manager())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(
                        "reconcileLines: 120 of 400 rows (30%), 3 chunks committed, 0 rows/s, ETA ")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("http-equiv=\"refresh\""))));
        operations.busy = "restart of 2026-01-08";
        mvc.perform(get("/runs/2026-01-08").with(manager())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("http-equiv=\"refresh\" content=\"5\""),
                        Matchers.containsString("This console is running the restart of 2026-01-08"),
                        Matchers.not(Matchers.containsString("Recover…")))));
    }

    @Test
    void theConsoleRunsTheNightlyScheduleWhenAsked() throws Exception {
        mvc.perform(get("/runs").with(viewer())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.matchesRegex(
                        "(?s).*Nightly schedule in this console: next run at \\d{4}-\\d\\d-\\d\\d 01:30 UTC.*")));
    }
}
