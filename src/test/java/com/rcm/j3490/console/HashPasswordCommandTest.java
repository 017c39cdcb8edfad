package com.rcm.j3490.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class HashPasswordCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int hash(String stdin) {
        return HashPasswordCommand.run(null, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsABcryptHashOfThePipedPasswordThatTheConsoleAccepts() {
        assertThat(hash("correct horse battery\n")).isZero();
        String hash = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(hash).startsWith("$2a$" + HashPasswordCommand.STRENGTH + "$").doesNotContain("correct");
        assertThat(new BCryptPasswordEncoder().matches("correct horse battery", hash)).isTrue();
        ConsoleProperties.User user = new ConsoleProperties.User();
        user.setUsername("ann");
        user.setPasswordHash(hash);
        user.setRole("MANAGER");
        ConsoleProperties properties = new ConsoleProperties();
        properties.getUsers().add(user);
        assertThat(ConsoleUsers.of(properties)).hasSize(1);
    }

    @Test
    void aShortPasswordIsRefusedWithExitCode2AndNoHash() {
        assertThat(hash("short\n")).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("at least " + HashPasswordCommand.MIN_LENGTH);
    }

    @Test
    void aPasswordBcryptWouldCutIsRefused() {
        assertThat(hash("x".repeat(73) + "\n")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("72 bytes");
    }

    @Test
    void theCommandWordIsTheFirstPlainArgument() {
        assertThat(HashPasswordCommand.isCalled(new String[] {"--logging.level.root=WARN", "hash-password"})).isTrue();
        assertThat(ConsoleCommand.isCalled(new String[] {"console", "--server.port=9090"})).isTrue();
        assertThat(ConsoleCommand.isCalled(new String[] {"runDate=2026-01-05", "run"})).isFalse();
    }
}
