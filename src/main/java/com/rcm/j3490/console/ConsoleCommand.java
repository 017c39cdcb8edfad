package com.rcm.j3490.console;

import java.util.Locale;

/**
 * The {@code console} command: the application starts as a web server (profile {@value #PROFILE},
 * {@code application-console.properties}) instead of running one command and exiting.
 * (The hook lives in {@code ReconApplication.main} until the command line moves to its own package.)
 */
public final class ConsoleCommand {
    public static final String WORD = "console";
    public static final String PROFILE = "console";

    private ConsoleCommand() {
    }

    public static boolean isCalled(String[] args) {
        return WORD.equals(commandWord(args));
    }

    /** The first plain word of the arguments (not an option, not runDate=...), lower case; null if none. */
    static String commandWord(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("--") && arg.indexOf('=') < 0) {
                return arg.toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }
}
