package io.fulfillment.gateway.correlation;

import io.fulfillment.correlation.CorrelationIdRule;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Accepts the caller's {@value CorrelationId#HEADER} when it passes {@link CorrelationIdRule}, otherwise creates one; returns it on the
 * response, puts it in the MDC for the gateway's logs, and presents it to the proxy as a request header so the backend
 * receives it. Runs before security so that even a 401 carries the id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class CorrelationIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String offered = request.getHeader(CorrelationId.HEADER);
        String correlationId = CorrelationIdRule.acceptOrCreate(offered);
        response.setHeader(CorrelationId.HEADER, correlationId);
        MDC.put(CorrelationId.MDC_KEY, correlationId);
        try {
            chain.doFilter(new WithCorrelationId(request, correlationId), response);
        } finally {
            MDC.remove(CorrelationId.MDC_KEY);
        }
    }

    private static final class WithCorrelationId extends HttpServletRequestWrapper {

        private final String correlationId;

        WithCorrelationId(HttpServletRequest request, String correlationId) {
            super(request);
            this.correlationId = correlationId;
        }

        @Override
        public String getHeader(String name) {
            return isCorrelationHeader(name) ? correlationId : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isCorrelationHeader(name) ? Collections.enumeration(List.of(correlationId)) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>();
            for (Enumeration<String> e = super.getHeaderNames(); e.hasMoreElements(); ) {
                String name = e.nextElement();
                if (!isCorrelationHeader(name)) {
                    names.add(name);
                }
            }
            names.add(CorrelationId.HEADER);
            return Collections.enumeration(names);
        }

        private static boolean isCorrelationHeader(String name) {
            return CorrelationId.HEADER.equalsIgnoreCase(name);
        }
    }
}
