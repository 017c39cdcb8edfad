package com.rcm.j3490.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may see and do what: every page needs a login (form login at /login); a MANAGER may act
 * (every POST under /runs, and the confirmation pages), a VIEWER reads. CSRF tokens on every
 * form (Spring Security's default, kept on), strict security headers, no script at all.
 */
@Configuration(proxyBeanMethods = false)
@Profile(ConsoleCommand.PROFILE)
@EnableWebSecurity
class ConsoleSecurityConfiguration {
    /** No script, no frame, no foreign resource; forms post only to the console itself. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    SecurityFilterChain consoleSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/console.css", "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/runs/**").hasRole(ConsoleRole.MANAGER.name())
                        .requestMatchers(HttpMethod.GET, "/runs/*/actions/**").hasRole(ConsoleRole.MANAGER.name())
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/runs", true).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .contentTypeOptions(c -> { }));
        return http.build();
    }

    /** bcrypt only: a configured hash of another kind is refused at start ({@link ConsoleUsers}). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    InMemoryUserDetailsManager consoleUsers(ConsoleProperties properties) {
        return new InMemoryUserDetailsManager(ConsoleUsers.of(properties));
    }
}
