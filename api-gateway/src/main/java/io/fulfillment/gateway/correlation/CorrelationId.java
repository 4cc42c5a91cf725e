package io.fulfillment.gateway.correlation;

import io.fulfillment.correlation.CorrelationIdRule;
import org.slf4j.MDC;

/**
 * The correlation id of the request being handled. The backends' chassis copies the {@value #HEADER} header into the
 * Axon metadata key {@value #MDC_KEY}, so every message the request causes carries it. Which id a caller may choose is
 * {@link CorrelationIdRule}, the one rule the backends apply too.
 */
public final class CorrelationId {

    public static final String HEADER = CorrelationIdRule.HEADER;
    public static final String MDC_KEY = "correlationId";

    private CorrelationId() {}

    /** The id of the request on this thread, or null outside a request. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
