package com.rcm.j3490.console;

/** What a console user may do: a VIEWER reads and downloads, a MANAGER also acts on runs. */
public enum ConsoleRole {
    VIEWER,
    MANAGER;

    /** The Spring Security authority ("ROLE_MANAGER"). */
    public String authority() {
        return "ROLE_" + name();
    }
}
