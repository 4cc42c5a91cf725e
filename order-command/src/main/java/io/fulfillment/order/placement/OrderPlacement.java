package io.fulfillment.order.placement;

import io.fulfillment.chassis.correlation.Correlation;
import io.fulfillment.chassis.distributed.AggregateConflicts;
import io.fulfillment.contracts.inventory.FindProductsQuery;
import io.fulfillment.contracts.inventory.ProductCatalogue;
import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.inventory.ProductView;
import io.fulfillment.contracts.kernel.CustomerId;
import io.fulfillment.contracts.kernel.ShippingAddress;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderLine;
import io.fulfillment.contracts.order.PlaceOrderCommand;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a customer's request into a {@link PlaceOrderCommand}: prices come from the inventory catalogue, and a request
 * carrying an idempotency key always maps to the same order id, so a repeated request reaches the order it placed,
 * which answers it like the first when it is the same request and refuses it (422) when it is a different one. Two
 * concurrent requests under one key both try to create the order: the loser's command is sent again, and the order
 * that now exists decides it the same way.
 *
 * <p>The command is sent from the continuation of the catalogue query, which in the distributed mode runs on an Axon
 * Server connector thread: the request's correlation is carried into it explicitly.
 */
@Component
class OrderPlacement {

    static final int MAX_QUANTITY_PER_LINE = 1_000;

    private static final Logger log = LoggerFactory.getLogger(OrderPlacement.class);

    private final CommandGateway commands;
    private final QueryGateway queries;

    OrderPlacement(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    CompletableFuture<OrderId> place(PlaceOrderRequest request, String idempotencyKey) {
        CustomerId customerId = CustomerId.of(request.customerId());
        OrderId orderId = idempotencyKey == null ? OrderId.newId() : orderIdFor(customerId, idempotencyKey);
        List<ProductId> productIds = request.lines().stream()
                .map(line -> ProductId.of(line.productId()))
                .distinct()
                .toList();
        Correlation correlation = Correlation.capture();
        return queries.query(new FindProductsQuery(productIds), ResponseTypes.instanceOf(ProductCatalogue.class))
                .thenCompose(correlation.function(catalogue -> {
                    PlaceOrderCommand command = new PlaceOrderCommand(
                            orderId, customerId, pricedLines(request, catalogue), addressOf(request.shippingAddress()));
                    return commands.send(command)
                            .exceptionallyCompose(correlation.function(
                                    failure -> idempotencyKey != null && isRepeatedPlacement(failure)
                                            ? commands.send(command)
                                            : CompletableFuture.failedFuture(failure)));
                }))
                .thenApply(ignored -> {
                    correlation
                            .runnable(() -> log.info(
                                    "Order {} placed by {} ({} lines)",
                                    orderId,
                                    customerId,
                                    request.lines().size()))
                            .run();
                    return orderId;
                });
    }

    /** One order per customer and key: the same key from another customer is another order. */
    static OrderId orderIdFor(CustomerId customerId, String idempotencyKey) {
        byte[] name = (customerId + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8);
        return OrderId.of(UUID.nameUUIDFromBytes(name).toString());
    }

    private static List<OrderLine> pricedLines(PlaceOrderRequest request, ProductCatalogue catalogue) {
        Map<ProductId, ProductView> products =
                catalogue.products().stream().collect(Collectors.toMap(ProductView::productId, Function.identity()));
        List<ProductId> unknown = request.lines().stream()
                .map(line -> ProductId.of(line.productId()))
                .filter(productId -> !products.containsKey(productId))
                .toList();
        if (!unknown.isEmpty()) {
            throw new UnknownProductException(unknown);
        }
        return request.lines().stream()
                .map(line -> {
                    ProductView product = products.get(ProductId.of(line.productId()));
                    return new OrderLine(product.productId(), line.quantity(), product.unitPrice());
                })
                .toList();
    }

    private static ShippingAddress addressOf(PlaceOrderRequest.Address address) {
        return new ShippingAddress(
                address.recipient(),
                address.street(),
                address.postalCode(),
                address.city(),
                address.country().toUpperCase(Locale.ROOT));
    }

    /**
     * The order's event stream was created concurrently, however the event store said so (a stream creation clash in the embedded
     * store, {@code AXONIQ-2000} from Axon Server, or the conflict refusal it became on its way from another JVM): an
     * earlier request with the same key placed it.
     */
    private static boolean isRepeatedPlacement(Throwable failure) {
        return AggregateConflicts.isConflict(failure);
    }
}
