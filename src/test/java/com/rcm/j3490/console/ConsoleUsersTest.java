package com.rcm.j3490.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rcm.j3490.job.ExitCode;
import com.rcm.j3490.job.UserError;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class ConsoleUsersTest {
    private static final String HASH = new BCryptPasswordEncoder(4).encode("a long enough password");

    @Test
    void noUserRefusesTheStartWithExitCode2AndSaysWhatToSet() {
        assertThatThrownBy(() -> ConsoleUsers.of(new ConsoleProperties()))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.REFUSED))
                .hasMessageContaining("at least one user")
                .hasMessageContaining("recon.console.users[0].password-hash")
                .hasMessageContaining("hash-password");
    }

    @Test
    void aPlainPasswordIsRefusedAndNotEchoed() {
        assertThatThrownBy(() -> ConsoleUsers.of(properties(user("ann", "secret123", "MANAGER"))))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("recon.console.users[0].password-hash is not a bcrypt hash")
                .hasMessageNotContaining("secret123");
    }

    @Test
    void anUnknownRoleIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> ConsoleUsers.of(properties(user("ann", HASH, "MANAGER"), user("bob", HASH, "admin"))))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("recon.console.users[1].role 'admin' is not VIEWER or MANAGER");
    }

    @Test
    void aNameGivenTwiceIsRefused() {
        assertThatThrownBy(() -> ConsoleUsers.of(properties(user("ann", HASH, "VIEWER"), user("ANN", HASH, "MANAGER"))))
                .isInstanceOf(UserError.class).hasMessageContaining("given twice");
    }

    @Test
    void aMissingNameIsRefused() {
        assertThatThrownBy(() -> ConsoleUsers.of(properties(user(" ", HASH, "VIEWER"))))
                .isInstanceOf(UserError.class).hasMessageContaining("recon.console.users[0].username is missing");
    }

    @Test
    void usersGetTheirRoleAsAuthority() {
        List<UserDetails> users = ConsoleUsers.of(properties(user("ann", HASH, "viewer"), user("bob", HASH, "MANAGER")));
        assertThat(users).extracting(UserDetails::getUsername).containsExactly("ann", "bob");
        assertThat(users.get(0).getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_VIEWER");
        assertThat(users.get(1).getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_MANAGER");
        assertThat(users.get(1).getPassword()).isEqualTo(HASH);
    }

    private static ConsoleProperties.User user(String name, String hash, String role) {
        ConsoleProperties.User u = new ConsoleProperties.User();
        u.setUsername(name);
        u.setPasswordHash(hash);
        u.setRole(role);
        return u;
    }

    private static ConsoleProperties properties(ConsoleProperties.User... users) {
        ConsoleProperties p = new ConsoleProperties();
        p.setUsers(List.of(users));
        return p;
    }
}
