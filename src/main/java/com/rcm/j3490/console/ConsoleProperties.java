package com.rcm.j3490.console;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code recon.console.*}: the console's users. Each is
 * {@code recon.console.users[N].username}, {@code .password-hash} (bcrypt, from the
 * hash-password command) and {@code .role} (VIEWER or MANAGER). Checked by {@link ConsoleUsers}.
 */
@ConfigurationProperties("recon.console")
public class ConsoleProperties {
    private List<User> users = new ArrayList<>();
    /** Whether the console also runs the nightly schedule (recon.schedule.*), so that one service does both. */
    private boolean schedule;

    public boolean isSchedule() {
        return schedule;
    }

    public void setSchedule(boolean schedule) {
        this.schedule = schedule;
    }

    public List<User> getUsers() {
        return users;
    }

    public void setUsers(List<User> users) {
        this.users = users;
    }

    /** Plain strings, so that a wrong value is refused with a message that names the setting. */
    public static class User {
        private String username;
        private String passwordHash;
        private String role;

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPasswordHash() {
            return passwordHash;
        }

        public void setPasswordHash(String passwordHash) {
            this.passwordHash = passwordHash;
        }

        public String getRole() {
            return role;
        }

        public void setRole(String role) {
            this.role = role;
        }
    }
}
