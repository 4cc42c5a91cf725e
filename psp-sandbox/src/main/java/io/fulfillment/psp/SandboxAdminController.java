package io.fulfillment.psp;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The knobs of the sandbox and a look into its ledger, for tests, demos and the reliability suite. */
@RestController
@RequestMapping("/psp/admin")
class SandboxAdminController {

    private final FaultInjector faults;
    private final Ledger ledger;

    SandboxAdminController(FaultInjector faults, Ledger ledger) {
        this.faults = faults;
        this.ledger = ledger;
    }

    @GetMapping("/faults")
    Faults faults() {
        return faults.current();
    }

    @PutMapping("/faults")
    Faults changeFaults(@Valid @RequestBody Faults changed) {
        faults.change(changed);
        return faults.current();
    }

    @PostMapping("/faults/reset")
    ResponseEntity<Void> resetFaults() {
        faults.reset();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/ledger")
    LedgerView ledger() {
        return ledger.view();
    }
}
