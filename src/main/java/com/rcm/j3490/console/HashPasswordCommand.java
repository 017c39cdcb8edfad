package com.rcm.j3490.console;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code hash-password}: reads a password (from the terminal without echo, asked twice; or one
 * line of standard input when it is piped) and prints its bcrypt hash, for
 * {@code recon.console.users[N].password-hash}. Starts no Spring context and opens no database.
 */
public final class HashPasswordCommand {
    public static final String WORD = "hash-password";
    /** bcrypt's work factor for new hashes: about a quarter of a second per login on a small server. */
    static final int STRENGTH = 12;
    static final int MIN_LENGTH = 8;
    /** bcrypt reads at most 72 bytes of a password; a longer one would be cut silently. */
    static final int MAX_BYTES = 72;

    private HashPasswordCommand() {
    }

    public static boolean isCalled(String[] args) {
        return WORD.equals(ConsoleCommand.commandWord(args));
    }

    /** Prints the hash on {@code out}; returns the exit code (0, or 2 when the password is refused). */
    public static int run(Console console, InputStream in, PrintStream out, PrintStream err) {
        char[] password;
        try {
            password = console != null ? fromTerminal(console, err) : fromInput(in);
        } catch (IOException e) {
            err.println("Cannot read the password: " + e.getMessage());
            return 2;
        }
        if (password == null) {
            return 2;
        }
        try {
            String refusal = refusal(password);
            if (refusal != null) {
                err.println(refusal);
                return 2;
            }
            out.println(new BCryptPasswordEncoder(STRENGTH).encode(new String(password)));
            return 0;
        } finally {
            Arrays.fill(password, ' ');
        }
    }

    static String refusal(char[] password) {
        if (password.length < MIN_LENGTH) {
            return "The password is refused: it needs at least " + MIN_LENGTH + " characters.";
        }
        if (new String(password).getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "The password is refused: bcrypt reads at most " + MAX_BYTES + " bytes of it.";
        }
        return null;
    }

    private static char[] fromTerminal(Console console, PrintStream err) {
        char[] first = console.readPassword("Password: ");
        char[] second = first == null ? null : console.readPassword("Again: ");
        if (first == null || second == null) {
            err.println("No password given.");
            return null;
        }
        if (!Arrays.equals(first, second)) {
            err.println("The two passwords differ; nothing was printed.");
            return null;
        }
        Arrays.fill(second, ' ');
        return first;
    }

    private static char[] fromInput(InputStream in) throws IOException {
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        return line == null ? new char[0] : line.toCharArray();
    }
}
