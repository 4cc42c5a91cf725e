package io.fulfillment.psp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provider's public API: charges and refunds, each under the caller's {@code Idempotency-Key}; the lookup of the
 * charge made under a key; and the reversal of a charge key, for a caller that never learnt how its charge ended.
 */
@RestController
@RequestMapping("/psp")
class PaymentServiceProviderController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Ledger ledger;
    private final FaultInjector faults;

    PaymentServiceProviderController(Ledger ledger, FaultInjector faults) {
        this.ledger = ledger;
        this.faults = faults;
    }

    @PostMapping("/charges")
    ChargeResponse charge(
            @RequestHeader(IDEMPOTENCY_KEY) @NotBlank @Size(max = 200) String idempotencyKey,
            @Valid @RequestBody ChargeRequest request) {
        FaultInjector.Call call = faults.enter();
        ChargeResponse response = ledger.charge(idempotencyKey, request);
        call.complete();
        return response;
    }

    /** How a caller whose answers were lost learns whether its charge was made: 404 when none was (yet). */
    @GetMapping("/charges")
    ChargeResponse chargeUnder(@RequestParam @NotBlank @Size(max = 200) String idempotencyKey) {
        faults.enterRead();
        return ledger.chargeUnder(idempotencyKey).orElseThrow(() -> new NoChargeUnderKeyException(idempotencyKey));
    }

    /**
     * Refunds whatever was charged under the key and refuses later charges under it. It needs no idempotency key of
     * its own: the charge key names it, and repeating it answers with the first reversal.
     */
    @PostMapping("/reversals")
    ReversalResponse reverse(@Valid @RequestBody ReversalRequest request) {
        FaultInjector.Call call = faults.enter();
        ReversalResponse response = ledger.reverse(request.chargeIdempotencyKey());
        call.complete();
        return response;
    }

    @PostMapping("/refunds")
    RefundResponse refund(
            @RequestHeader(IDEMPOTENCY_KEY) @NotBlank @Size(max = 200) String idempotencyKey,
            @Valid @RequestBody RefundRequest request) {
        FaultInjector.Call call = faults.enter();
        RefundResponse response = ledger.refund(idempotencyKey, request);
        call.complete();
        return response;
    }
}
