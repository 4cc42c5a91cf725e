package io.fulfillment.gateway.ownership;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillment.gateway.problem.Problems;
import io.fulfillment.gateway.security.Caller;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A customer acts only on their own orders. Admins pass every rule. The rules:
 *
 * <ul>
 *   <li>order in path: the order's owner is looked up before forwarding; another customer's order, like an unknown
 *       one, is a 404, so a customer cannot even learn that it exists;
 *   <li>customer in body: a new order must name the caller's customer id, otherwise 403;
 *   <li>customer in query: an order list is always the caller's own — the {@code customerId} parameter is added when
 *       absent, and any other value is a 403.
 * </ul>
 */
@Component
public class OwnershipFilters {

    private static final String CUSTOMER_ID = "customerId";

    private final OrderOwners owners;
    private final ObjectMapper strictJson;

    OwnershipFilters(OrderOwners owners, ObjectMapper objectMapper) {
        this.owners = owners;
        this.strictJson = objectMapper.copy().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    public HandlerFilterFunction<ServerResponse, ServerResponse> orderInPath() {
        return (request, next) -> {
            Caller caller = caller();
            if (caller.admin()) {
                return next.handle(request);
            }
            String orderId = request.pathVariable("id");
            Optional<String> owner = owners.ownerOf(orderId);
            if (owner.isEmpty() || !caller.mayActFor(owner.get())) {
                return Problems.response(request, HttpStatus.NOT_FOUND, "No order " + orderId + ".");
            }
            return next.handle(request);
        };
    }

    public HandlerFilterFunction<ServerResponse, ServerResponse> customerInBody() {
        return (request, next) -> {
            Caller caller = caller();
            if (caller.admin()) {
                return next.handle(request);
            }
            JsonNode body;
            try {
                body = strictJson.readTree(request.servletRequest().getInputStream());
            } catch (IOException e) {
                return Problems.response(request, HttpStatus.BAD_REQUEST, "The request body is not valid JSON.");
            }
            JsonNode customerId = body == null ? null : body.get(CUSTOMER_ID);
            if (customerId != null && !customerId.isNull() && !caller.mayActFor(customerId.asText())) {
                return Problems.response(
                        request, HttpStatus.FORBIDDEN, "Customers place orders only under their own customer id.");
            }
            return next.handle(request);
        };
    }

    public HandlerFilterFunction<ServerResponse, ServerResponse> customerInQuery() {
        return (request, next) -> {
            Caller caller = caller();
            if (caller.admin()) {
                return next.handle(request);
            }
            if (caller.customerId() == null) {
                return Problems.response(request, HttpStatus.FORBIDDEN, "The token names no customer.");
            }
            List<String> asked = request.params().getOrDefault(CUSTOMER_ID, List.of());
            if (asked.isEmpty()) {
                return next.handle(ServerRequest.from(request)
                        .param(CUSTOMER_ID, caller.customerId())
                        .build());
            }
            if (asked.stream().allMatch(caller::mayActFor)) {
                return next.handle(request);
            }
            return Problems.response(request, HttpStatus.FORBIDDEN, "Customers list only their own orders.");
        };
    }

    private static Caller caller() {
        return Caller.current()
                .orElseThrow(() -> new IllegalStateException("ownership rules need an authenticated caller"));
    }
}
