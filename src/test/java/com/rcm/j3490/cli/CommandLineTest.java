package com.rcm.j3490.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rcm.j3490.job.ExitCode;
import com.rcm.j3490.job.UserError;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

/** The command line: command words, runDate, options, and refusals with exit code 2. */
class CommandLineTest {
    private static CommandLine parse(String... args) {
        return CommandLine.parse(new DefaultApplicationArguments(args));
    }

    @Test
    void noCommandIsTheRunOfTodayOrOfTheGivenDate() {
        assertThat(parse()).isEqualTo(new CommandLine(CommandLine.Command.RUN, null, 20, false));
        assertThat(parse().runDateOrToday()).isEqualTo(LocalDate.now());
        assertThat(parse("runDate=2026-11-23").runDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(parse("--runDate=2026-11-23").runDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(parse("runDate=2026-11-23,java.time.LocalDate").runDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(parse("--recon.output.dir=/tmp/x", "run", "runDate=2026-11-23").command())
                .isEqualTo(CommandLine.Command.RUN);
    }

    @Test
    void commandsAndTheirOptions() {
        assertThat(parse("runs", "--limit=5")).isEqualTo(new CommandLine(CommandLine.Command.RUNS, null, 5, false));
        assertThat(parse("SHOW", "runDate=2026-11-23").command()).isEqualTo(CommandLine.Command.SHOW);
        assertThat(parse("rerun", "runDate=2026-11-23", "--confirm").confirm()).isTrue();
        assertThat(parse("recover", "--runDate=2026-11-23").command()).isEqualTo(CommandLine.Command.RECOVER);
        assertThat(parse("schedule").command()).isEqualTo(CommandLine.Command.SCHEDULE);
    }

    @Test
    void theBacklogCommandTakesAsOfNotRunDate() {
        assertThat(parse("backlog")).isEqualTo(new CommandLine(CommandLine.Command.BACKLOG, null, 20, false));
        assertThat(parse("backlog", "asOf=2026-12-01").runDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(CommandLine.defaultProperties(new String[] {"backlog"})).containsEntry("logging.level.root", "WARN");
        for (String[] args : new String[][] {{"backlog", "runDate=2026-12-01"}, {"show", "asOf=2026-12-01"},
                {"backlog", "asOf=tomorrow"}}) {
            assertThatThrownBy(() -> parse(args)).as(String.join(" ", args))
                    .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.REFUSED));
        }
        assertThatThrownBy(() -> parse("backlog", "runDate=2026-12-01")).hasMessageContaining("asOf=YYYY-MM-DD");
    }

    @Test
    void badArgumentsAreRefusedWithExitCode2() {
        for (String[] args : new String[][] {{"frobnicate"}, {"show"}, {"restart"}, {"runs", "--limit=0"},
                {"runs", "--limit=ten"}, {"runDate=23/11/2026"}, {"rundate=2026-11-23"}, {"show", "runDate=2026-11-23", "extra"},
                {"schedule", "runDate=2026-11-23"}, {"runs", "runDate=2026-11-23"}}) {
            assertThatThrownBy(() -> parse(args)).as(String.join(" ", args))
                    .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.REFUSED));
        }
        assertThatThrownBy(() -> parse("frobnicate")).hasMessageContaining("commands: run (")
                .hasMessageContaining("; console (").hasMessageContaining("; hash-password (");
    }

    @Test
    void reportingCommandsStartQuietAndTheScheduleLetsIdleConnectionsGo() {
        assertThat(CommandLine.defaultProperties(new String[] {"--limit=3", "runs"}))
                .containsEntry("logging.level.root", "WARN");
        assertThat(CommandLine.defaultProperties(new String[] {"show", "runDate=2026-11-23"}))
                .containsEntry("logging.level.root", "WARN");
        assertThat(CommandLine.defaultProperties(new String[] {"runDate=2026-11-23"})).isEmpty();
        assertThat(CommandLine.defaultProperties(new String[] {"restart", "runDate=2026-11-23"})).isEmpty();
        assertThat(CommandLine.defaultProperties(new String[] {"schedule"}))
                .containsEntry("spring.datasource.hikari.minimum-idle", "0");
    }
}
