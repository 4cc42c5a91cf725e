package io.fulfillment.chassis.correlation;

import io.fulfillment.correlation.CorrelationIdRule;

/**
 * Names under which one request's correlation id travels: the HTTP header at the edge, the Axon message metadata key
 * and the SLF4J MDC key of every log line written on its behalf. Which id a caller may choose is
 * {@link CorrelationIdRule}, the rule the API gateway applies too.
 */
public final class CorrelationId {

    public static final String HEADER = CorrelationIdRule.HEADER;
    public static final String METADATA_KEY = "correlationId";
    public static final String MDC_KEY = "correlationId";

    private CorrelationId() {}
}
