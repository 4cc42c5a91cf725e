package io.fulfillment.correlation;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Which correlation id a caller may choose. A request arrives with {@value #HEADER}; the API gateway keeps it when it
 * passes this rule and forwards it, and every backend applies the same rule again because a backend can be called
 * without the gateway (by an operator, or by a test). An id that fails the rule is replaced by a fresh UUID, so what
 * reaches a log line or a response header can never break a line or forge an entry.
 *
 * <p>The rule: 1 to {@value #MAX_LENGTH} characters, each an RFC 9110 token character or {@code ':'}. That is every id
 * either side accepted before the two rules were made one (ADR 0015).
 */
public final class CorrelationIdRule {

    /** The HTTP header a correlation id travels in, at the edge and between the services. */
    public static final String HEADER = "X-Correlation-Id";

    public static final int MAX_LENGTH = 128;

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~:-]{1," + MAX_LENGTH + "}");

    private CorrelationIdRule() {}

    public static boolean isAcceptable(String candidate) {
        return candidate != null && ACCEPTABLE.matcher(candidate).matches();
    }

    /** The offered id when it passes the rule, otherwise a new random one. */
    public static String acceptOrCreate(String offered) {
        return isAcceptable(offered) ? offered : UUID.randomUUID().toString();
    }
}
