package com.rcm.j3490.console;

import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: who is logged in, and whether they may act. */
@ControllerAdvice
@Profile(ConsoleCommand.PROFILE)
class ConsoleModel {
    @ModelAttribute("username")
    String username() {
        Authentication a = signedIn();
        return a == null ? null : a.getName();
    }

    @ModelAttribute("manager")
    boolean manager() {
        Authentication a = signedIn();
        return a != null && a.getAuthorities().stream().anyMatch(g -> ConsoleRole.MANAGER.authority().equals(g.getAuthority()));
    }

    private static Authentication signedIn() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null || a instanceof AnonymousAuthenticationToken || !a.isAuthenticated() ? null : a;
    }
}
