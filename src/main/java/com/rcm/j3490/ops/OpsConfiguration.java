package com.rcm.j3490.ops;

import com.rcm.j3490.backlog.BacklogStore;
import com.rcm.j3490.job.ReconLauncher;
import com.rcm.j3490.job.ReconProperties;
import com.rcm.j3490.job.RunTracker;
import com.rcm.j3490.reconcile.ReconRepository;
import javax.sql.DataSource;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wiring of the manager commands; the classes themselves are plain. */
@Configuration
public class OpsConfiguration {
    @Bean
    RunHistory runHistory(JobRepository jobRepository, ReconRepository reconRepository) {
        return new RunHistory(jobRepository, reconRepository);
    }

    @Bean
    RunReport runReport(ReconRepository reconRepository) {
        return new RunReport(reconRepository, System.err);
    }

    @Bean
    RepositoryLock repositoryLock(DataSource dataSource) {
        return RepositoryLock.of(dataSource);
    }

    @Bean
    ReconCommands reconCommands(ReconLauncher launcher, JobOperator jobOperator, JobRepository jobRepository,
            RunHistory runHistory, RunReport runReport, RunTracker runTracker, RepositoryLock repositoryLock,
            ReconProperties properties, BacklogReport backlogReport) {
        return new ReconCommands(launcher, jobOperator, jobRepository, runHistory, runReport, runTracker,
                repositoryLock, properties, System.out, backlogReport);
    }

    @Bean
    BacklogReport backlogReport(BacklogStore backlogStore, PlatformTransactionManager transactionManager,
            ReconProperties properties) {
        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        // the same Resolved window as the workbook's Resolved sheet, so the figures agree
        return new BacklogReport(backlogStore, readOnly, properties.workbook().resolvedDays(), System.out);
    }
}
