package com.rcm.j3490.cli;

import com.rcm.j3490.ops.ReconCommands;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The command line's wiring: Boot runs {@link ReconRunner} with the process arguments. */
@Configuration
public class CliConfiguration {
    /** Off in tests, which launch the job themselves. */
    @Bean
    @ConditionalOnProperty(name = "recon.runner.enabled", havingValue = "true", matchIfMissing = true)
    ReconRunner reconRunner(ReconCommands commands) {
        return new ReconRunner(commands);
    }
}
