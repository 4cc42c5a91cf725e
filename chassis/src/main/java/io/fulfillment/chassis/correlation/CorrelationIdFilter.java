package io.fulfillment.chassis.correlation;

import io.fulfillment.correlation.CorrelationIdRule;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Accepts the caller's {@value CorrelationId#HEADER} (or creates one), echoes it on the response and keeps it in the
 * MDC while the request is handled, including the async dispatch that completes a returned future. A header that
 * fails {@link CorrelationIdRule} (the gateway's rule too) is replaced, so it can never forge log lines.
 */
class CorrelationIdFilter extends OncePerRequestFilter {

    private static final String ATTRIBUTE = CorrelationIdFilter.class.getName() + ".id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = (String) request.getAttribute(ATTRIBUTE);
        if (id == null) {
            id = CorrelationIdRule.acceptOrCreate(request.getHeader(CorrelationId.HEADER));
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

    private static void restore(String previous) {
        if (previous == null) {
            MDC.remove(CorrelationId.MDC_KEY);
        } else {
            MDC.put(CorrelationId.MDC_KEY, previous);
        }
    }
}
