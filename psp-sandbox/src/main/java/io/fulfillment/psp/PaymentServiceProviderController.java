package io.fulfillment.psp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The provider's public API: charges and refunds, each under the caller's {@code Idempotency-Key}. */
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
