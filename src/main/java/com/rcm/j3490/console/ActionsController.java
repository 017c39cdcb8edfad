package com.rcm.j3490.console;

import java.security.Principal;
import java.time.LocalDate;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The actions, each in two steps: GET /runs/{date}/actions/{action} shows a confirmation page
 * that says what will happen; its form POSTs (with the CSRF token) to the same address, which
 * calls {@link RunOperations}, writes the audit row and redirects to the run page with the
 * outcome as a message. MANAGER only (ConsoleSecurityConfiguration).
 */
@Controller
@Profile(ConsoleCommand.PROFILE)
class ActionsController {
    private final RunOperations operations;
    private final AuditLog audit;

    ActionsController(RunOperations operations, AuditLog audit) {
        this.operations = operations;
        this.audit = audit;
    }

    @GetMapping("/runs/{runDate}/actions/{action}")
    String confirm(@PathVariable LocalDate runDate, @PathVariable String action, Model model) {
        RunAction a = RunAction.of(action).orElseThrow(UnknownPage::new);
        model.addAttribute("runDate", runDate);
        model.addAttribute("action", a);
        return "console/confirm";
    }

    @PostMapping("/runs/{runDate}/actions/{action}")
    String perform(@PathVariable LocalDate runDate, @PathVariable String action,
            @RequestParam(defaultValue = "false") boolean processConfirmedDead, Principal user,
            RedirectAttributes redirect) {
        RunAction a = RunAction.of(action).orElseThrow(UnknownPage::new);
        ActionResult result = a.perform(operations, runDate, processConfirmedDead);
        audit.record(user.getName(), a.word(), runDate, result.jobExecutionId(), result.outcome().name(),
                result.message());
        redirect.addFlashAttribute("outcome", result.outcome().name());
        redirect.addFlashAttribute("message", a.label() + ": " + result.message());
        return "redirect:/runs/" + runDate;
    }
}
