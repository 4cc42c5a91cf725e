package io.fulfillment.payment.reconciliation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How often parked reversals are tried again; each round stops at the first one that still fails. */
@ConfigurationProperties("fulfillment.payment.reconciliation")
record ReconciliationProperties(@DefaultValue("10s") Duration retryInterval) {

    ReconciliationProperties {
        if (retryInterval.isNegative() || retryInterval.isZero()) {
            throw new IllegalArgumentException("fulfillment.payment.reconciliation.retry-interval must be positive");
        }
    }
}
