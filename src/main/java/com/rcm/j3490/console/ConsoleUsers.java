package com.rcm.j3490.console;

import com.rcm.j3490.job.ExitCode;
import com.rcm.j3490.job.UserError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The configured users, checked once at start: at least one, each with a name, a bcrypt hash and
 * a known role. Anything wrong refuses the start with one line naming the setting (exit code 2);
 * there is no default user and no default password.
 */
final class ConsoleUsers {
    /** $2a$/$2b$/$2y$, a two-digit cost, then 53 characters of salt and hash. */
    private static final Pattern BCRYPT = Pattern.compile("^\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}$");
    static final String HOW = "recon.console.users[0].username, recon.console.users[0].password-hash (make it with: "
            + "java -jar j3490-recon.jar hash-password) and recon.console.users[0].role (VIEWER or MANAGER)";

    private ConsoleUsers() {
    }

    static List<UserDetails> of(ConsoleProperties properties) {
        List<ConsoleProperties.User> users = properties.getUsers();
        if (users == null || users.isEmpty()) {
            throw refused("The console needs at least one user and has none; set " + HOW + ".");
        }
        Set<String> names = new HashSet<>();
        List<UserDetails> details = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            ConsoleProperties.User u = users.get(i);
            String setting = "recon.console.users[" + i + "]";
            if (u == null || u.getUsername() == null || u.getUsername().isBlank()) {
                throw refused(setting + ".username is missing; each console user needs " + HOW.replace("[0]", "[" + i + "]") + ".");
            }
            if (!names.add(u.getUsername().trim().toLowerCase(Locale.ROOT))) {
                throw refused(setting + ".username '" + u.getUsername().trim() + "' is given twice.");
            }
            if (u.getPasswordHash() == null || !BCRYPT.matcher(u.getPasswordHash().trim()).matches()) {
                throw refused(setting + ".password-hash is not a bcrypt hash ($2a$..., $2b$..., $2y$...); plain "
                        + "passwords are not accepted. Make the hash with: java -jar j3490-recon.jar hash-password");
            }
            details.add(User.withUsername(u.getUsername().trim()).password(u.getPasswordHash().trim())
                    .authorities(role(u, i).authority()).build());
        }
        return List.copyOf(details);
    }

    private static ConsoleRole role(ConsoleProperties.User user, int index) {
        String role = user.getRole() == null ? "" : user.getRole().trim().toUpperCase(Locale.ROOT);
        for (ConsoleRole r : ConsoleRole.values()) {
            if (r.name().equals(role)) {
                return r;
            }
        }
        throw refused("recon.console.users[" + index + "].role '" + (user.getRole() == null ? "" : user.getRole())
                + "' is not VIEWER or MANAGER.");
    }

    private static UserError refused(String message) {
        return new UserError(ExitCode.REFUSED, "Cannot start the console: " + message);
    }
}
