package io.fulfillment.chassis.correlation;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Accepts the caller's {@value CorrelationId#HEADER} (or creates one), echoes it on the response and keeps it in the
 * MDC while the request is handled, including the async dispatch that completes a returned future. A header that is
 * not a plain token is replaced, so it can never forge log lines.
 */
class CorrelationIdFilter extends OncePerRequestFilter {

    private static final String ATTRIBUTE = CorrelationIdFilter.class.getName() + ".id";
    /** RFC 9110 token characters (what the API gateway accepts and forwards) and ':': nothing that can break a line. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~:-]{1,128}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = (String) request.getAttribute(ATTRIBUTE);
        if (id == null) {
            id = acceptOrCreate(request.getHeader(CorrelationId.HEADER));
            request.setAttribute(ATTRIBUTE, id);
            response.setHeader(CorrelationId.HEADER, id);
        }
        String previous = MDC.get(CorrelationId.MDC_KEY);
        MDC.put(CorrelationId.MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            restore(previous);
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    static String acceptOrCreate(String header) {
        if (header != null && ACCEPTABLE.matcher(header).matches()) {
            return header;
        }
        return UUID.randomUUID().toString();
    }

    private static void restore(String previous) {
        if (previous == null) {
            MDC.remove(CorrelationId.MDC_KEY);
        } else {
            MDC.put(CorrelationId.MDC_KEY, previous);
        }
    }
}
