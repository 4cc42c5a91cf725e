package io.fulfillment.gateway.details;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillment.gateway.problem.Problems;
import io.fulfillment.gateway.routing.Backends;
import io.fulfillment.gateway.security.Caller;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/orders/{id}/details}: the order summary, its payment and its shipment, fetched in parallel. The
 * order is required (and must be the caller's: otherwise 404); payment and shipment are optional: a 404 from their
 * backend means "not yet" (null), a failure or timeout makes the part null and lists it under {@code unavailable}. The
 * answer is a 200 either way.
 */
@RestController
class OrderDetailsController {

    private static final Logger log = LoggerFactory.getLogger(OrderDetailsController.class);

    private final ThreadPoolExecutor executor;
    private final PartFetcher orders;
    private final PartFetcher payments;
    private final PartFetcher shipments;

    OrderDetailsController(
            DetailsProperties properties,
            Backends backends,
            CircuitBreakerFactory<?, ?> circuitBreakers,
            org.springframework.web.client.RestClient.Builder restClient) {
        this.executor = boundedExecutor(properties);
        this.orders = new PartFetcher(
                restClient.clone(),
                backends.uri(properties.orderBackend()),
                circuitBreakers.create("details-order"),
                executor,
                properties);
        this.payments = new PartFetcher(
                restClient.clone(),
                backends.uri(properties.paymentBackend()),
                circuitBreakers.create("details-payment"),
                executor,
                properties);
        this.shipments = new PartFetcher(
                restClient.clone(),
                backends.uri(properties.shipmentBackend()),
                circuitBreakers.create("details-shipment"),
                executor,
                properties);
    }

    @GetMapping("${fulfillment.gateway.prefix:/api/v1}/orders/{id}/details")
    ResponseEntity<Object> details(@PathVariable String id, HttpServletRequest request) {
        CompletableFuture<PartFetcher.Part> order = safely(() -> orders.fetch("/orders/{id}", id));
        CompletableFuture<PartFetcher.Part> payment = safely(() -> payments.fetch("/payments?orderId={id}", id));
        CompletableFuture<PartFetcher.Part> shipment = safely(() -> shipments.fetch("/shipments?orderId={id}", id));

        JsonNode summary;
        try {
            summary = order.join().json();
        } catch (CompletionException e) {
            log.warn(
                    "order {} details: order backend unavailable: {}",
                    id,
                    e.getCause().toString());
            return problem(request, HttpStatus.SERVICE_UNAVAILABLE, "The order backend is unavailable.");
        }
        Caller caller = Caller.current().orElseThrow();
        if (summary == null || !caller.mayActFor(summary.path("customerId").asText(null))) {
            payment.cancel(true);
            shipment.cancel(true);
            return problem(request, HttpStatus.NOT_FOUND, "No order " + id + ".");
        }
        List<String> unavailable = new ArrayList<>();
        JsonNode paymentJson = partOrNull(id, "payment", payment, unavailable);
        JsonNode shipmentJson = partOrNull(id, "shipment", shipment, unavailable);
        return ResponseEntity.ok(new OrderDetails(summary, paymentJson, shipmentJson, unavailable));
    }

    private static JsonNode partOrNull(
            String orderId, String name, CompletableFuture<PartFetcher.Part> part, List<String> unavailable) {
        try {
            return part.join().json();
        } catch (CompletionException e) {
            log.warn("order {} details: {} unavailable: {}", orderId, name, String.valueOf(e.getCause()));
            unavailable.add(name);
            return null;
        }
    }

    /** A rejected submission (queue full) becomes an unavailable part instead of an error of the whole request. */
    private static CompletableFuture<PartFetcher.Part> safely(
            java.util.function.Supplier<CompletableFuture<PartFetcher.Part>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static ResponseEntity<Object> problem(HttpServletRequest request, HttpStatus status, String detail) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.problem(status, detail, request.getRequestURI()));
    }

    private static ThreadPoolExecutor boundedExecutor(DetailsProperties properties) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                properties.threads(),
                properties.threads(),
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.queueCapacity()),
                runnable -> {
                    Thread thread = new Thread(runnable, "order-details-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }

    record OrderDetails(JsonNode order, JsonNode payment, JsonNode shipment, List<String> unavailable) {}
}
