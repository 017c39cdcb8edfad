package com.rcm.j3490.console;

import com.rcm.j3490.job.ReconLauncher;
import com.rcm.j3490.job.ReconProperties;
import com.rcm.j3490.ops.ReconCommands;
import com.rcm.j3490.ops.RepositoryLock;
import com.rcm.j3490.ops.RunHistory;
import com.rcm.j3490.ops.RunReport;
import com.rcm.j3490.job.RunTracker;
import com.rcm.j3490.reconcile.ReconRepository;
import java.time.Clock;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;

/** The console's wiring; active only under the console command (profile "console"). */
@Configuration(proxyBeanMethods = false)
@Profile(ConsoleCommand.PROFILE)
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleConfiguration {
    @Bean
    AuditLog auditLog(JdbcTemplate jdbcTemplate) {
        return new AuditLog(jdbcTemplate, Clock.systemDefaultZone());
    }

    /** The commands' own code, printing to a given stream (the console captures it as a message). */
    @Bean
    ReconCommandsOperations.CommandsFactory commandsFactory(ReconLauncher launcher, JobOperator jobOperator,
            JobRepository jobRepository, RunHistory runHistory, ReconRepository reconRepository, RunTracker runTracker,
            RepositoryLock repositoryLock, ReconProperties properties) {
        return out -> new ReconCommands(launcher, jobOperator, jobRepository, runHistory,
                new RunReport(reconRepository, out), runTracker, repositoryLock, properties, out);
    }

    @Bean
    RunOperations runOperations(ReconCommandsOperations.CommandsFactory commandsFactory, AuditLog auditLog) {
        return new ReconCommandsOperations(commandsFactory, auditLog);
    }

    /** recon.console.schedule=true: the schedule command's nightly schedule, in this process. */
    @Bean
    @ConditionalOnBooleanProperty("recon.console.schedule")
    ConsoleSchedule consoleSchedule(ReconCommandsOperations.CommandsFactory commandsFactory) {
        ReconCommands commands = commandsFactory.create(System.out);
        return new ConsoleSchedule(commands::startSchedule, commands::stopSchedule);
    }
}
