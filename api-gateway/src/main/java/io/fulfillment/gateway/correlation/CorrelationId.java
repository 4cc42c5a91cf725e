package io.fulfillment.gateway.correlation;

import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The correlation id of the request being handled. The backends' chassis copies the {@value #HEADER} header into the
 * Axon metadata key {@value #MDC_KEY}, so every message the request causes carries it.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";

    /** RFC 9110 token characters, at most 64 of them: safe to log and to echo in a header. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}");

    private CorrelationId() {}

    /** The id of the request on this thread, or null outside a request. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }

    public static boolean isAcceptable(String candidate) {
        return candidate != null && ACCEPTABLE.matcher(candidate).matches();
    }
}
