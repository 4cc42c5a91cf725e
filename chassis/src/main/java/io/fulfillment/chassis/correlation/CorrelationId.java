package io.fulfillment.chassis.correlation;

/**
 * Names under which one request's correlation id travels: the HTTP header at the edge, the Axon message metadata key
 * and the SLF4J MDC key of every log line written on its behalf.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String METADATA_KEY = "correlationId";
    public static final String MDC_KEY = "correlationId";

    private CorrelationId() {}
}
