package io.fulfillment.gateway.security;

import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Tells the backends who the caller is, on every proxied request: {@value #CUSTOMER_HEADER} names the customer a
 * customer's token speaks for, and is absent for staff (admins) and anonymous callers. Whatever the client sent under
 * that name is dropped first, so a backend behind the gateway can trust it (ADR 0010): the {@code Order} aggregate
 * refuses a customer's command on another customer's order where the truth is, not on a read model that may lag.
 */
@Component
class CallerHeaderFilter implements RequestHttpHeadersFilter {

    static final String CUSTOMER_HEADER = "X-Caller-Customer-Id";

    @Override
    public HttpHeaders apply(HttpHeaders input, ServerRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        headers.remove(CUSTOMER_HEADER);
        Caller.current()
                .filter(caller -> !caller.admin() && caller.customerId() != null)
                .ifPresent(caller -> headers.set(CUSTOMER_HEADER, caller.customerId()));
        return headers;
    }
}
