package com.rcm.j3490.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The settings as Boot binds them: defaults, refusals of values that make no sense, unknown names. */
class ReconPropertiesTest {
    private static ReconProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("recon", ReconProperties.class);
    }

    @Test
    void defaultsAreTheContractsDefaults() {
        ReconProperties p = bind(Map.of());
        assertThat(p.targetCodes()).containsExactly("J3490");
        assertThat(p.input().remittance()).isEqualTo(Path.of("input-samples/remittance"));
        assertThat(p.reference().contracts()).isEqualTo(Path.of("input-samples/reference/payer-contracts.csv"));
        assertThat(p.reference().codeDescriptions()).isNull();
        assertThat(p.output().dir()).isEqualTo(Path.of("reports"));
        assertThat(p.invoiceLookbackDays()).isEqualTo(365);
        assertThat(p.chunkSize()).isEqualTo(1000);
        assertThat(p.skipLimit()).isEqualTo(1000);
        assertThat(p.shutdownTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.progress().interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.schedule().cron()).isEqualTo("0 0 2 * * *");
        assertThat(p.workbook().deadlineWarningDays()).isEqualTo(14);
    }

    @Test
    void targetCodesAreTrimmedUpperCasedAndDeduplicated() {
        assertThat(bind(Map.of("recon.target-codes", " j3490 ,J3590,J3490")).targetCodes())
                .containsExactly("J3490", "J3590");
    }

    @Test
    void anEmptyOrMalformedTargetCodeListIsRefused() {
        assertRefused(Map.of("recon.target-codes", ""), "recon.target-codes is empty");
        assertRefused(Map.of("recon.target-codes", " , "), "recon.target-codes has an empty entry");
        assertRefused(Map.of("recon.target-codes", "J3490,J349"), "'J349' is not a procedure code");
    }

    @Test
    void numbersOutsideTheirRangeAreRefusedNamingTheProperty() {
        assertRefused(Map.of("recon.chunk-size", "0"), "recon.chunk-size is 0");
        assertRefused(Map.of("recon.reconcile-threads", "-1"), "recon.reconcile-threads is -1");
        assertRefused(Map.of("recon.invoice-lookback-days", "-5"), "recon.invoice-lookback-days");
        assertRefused(Map.of("recon.progress.interval", "0s"), "recon.progress.interval");
    }

    @Test
    void aValueOfTheWrongTypeNamesThePropertyAndWhatItTakes() {
        assertThatThrownBy(() -> bind(Map.of("recon.chunk-size", "abc"))).isInstanceOfSatisfying(BindException.class,
                e -> assertThat(PropertyRefusal.describe(e))
                        .isEqualTo("Refused: property recon.chunk-size 'abc' is not a whole number."));
        assertThatThrownBy(() -> bind(Map.of("recon.shutdown-timeout", "soon"))).isInstanceOfSatisfying(
                BindException.class, e -> assertThat(PropertyRefusal.describe(e)).contains("recon.shutdown-timeout",
                        "a duration like 60s"));
    }

    @Test
    void anUnknownNameIsRefusedAndKnownOnesOfEveryOwnerPass() {
        assertThat(ReconPropertyNames.known()).contains("recon.skip-limit", "recon.input.remittance",
                "recon.workbook.carry-over-dir", "recon.schedule.run-date-offset-days");
        StandardEnvironment ok = environment(Map.of("recon.skip-limit", "5", "recon.skipLimit", "5",
                "recon.target-codes[0]", "J3490", "recon.repository.dir", "data", "recon.runner.enabled", "false",
                "recon.console.users[0].username", "ann"));
        ReconPropertyNames.check(ok);

        assertThatThrownBy(() -> ReconPropertyNames.check(environment(Map.of("recon.skip-limt", "5"))))
                .isInstanceOfSatisfying(UserError.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.REFUSED);
                    assertThat(e.getMessage()).contains("unknown property recon.skip-limt",
                            "did you mean recon.skip-limit?");
                });
        assertThatThrownBy(() -> ReconPropertyNames.check(environment(Map.of("recon.colour", "red"))))
                .isInstanceOf(UserError.class).hasMessageNotContaining("did you mean");
    }

    private static StandardEnvironment environment(Map<String, Object> values) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", values));
        return environment;
    }

    private static void assertRefused(Map<String, String> values, String message) {
        assertThatThrownBy(() -> bind(values)).satisfies(e -> {
            Throwable t = e;
            while (!(t instanceof UserError) && t.getCause() != null) {
                t = t.getCause();
            }
            assertThat(t).isInstanceOf(UserError.class).hasMessageContaining(message);
            assertThat(((UserError) t).exitCode()).isEqualTo(ExitCode.REFUSED);
        });
    }

}
