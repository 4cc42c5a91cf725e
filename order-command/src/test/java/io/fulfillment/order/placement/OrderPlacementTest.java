package io.fulfillment.order.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.fulfillment.chassis.correlation.CorrelationId;
import io.fulfillment.contracts.inventory.FindProductsQuery;
import io.fulfillment.contracts.inventory.ProductCatalogue;
import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.inventory.ProductView;
import io.fulfillment.contracts.kernel.CustomerId;
import io.fulfillment.contracts.kernel.ErrorDetails;
import io.fulfillment.contracts.kernel.ErrorKind;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.order.OrderId;
import io.grpc.Metadata;
import io.grpc.Status;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class OrderPlacementTest {

    private static final String PRODUCT = "keyboard";
    private static final String CUSTOMER = "customer-ada";
    private static final String IDEMPOTENCY_KEY = "key-1";
    private static final String REQUEST_CORRELATION = "request-correlation-1";
    private static final ProductCatalogue CATALOGUE = new ProductCatalogue(
            List.of(new ProductView(ProductId.of(PRODUCT), "Keyboard", Money.of("49.90", "EUR"), 10, 0, 0)));

    private final QueryGateway queries = mock(QueryGateway.class);
    private final CommandGateway commands = mock(CommandGateway.class);
    private final OrderPlacement placement = new OrderPlacement(commands, queries);

    @AfterEach
    void clearTheMdc() {
        MDC.clear();
    }

    @Nested
    class CarriedCorrelation {

        @Test
        void sendsTheCommandUnderTheRequestsCorrelationWhenTheCatalogueAnswersOnAnotherThread() throws Exception {
            CompletableFuture<ProductCatalogue> catalogue = new CompletableFuture<>();
            when(queries.query(any(FindProductsQuery.class), any(ResponseType.class)))
                    .thenReturn(catalogue);
            AtomicReference<String> correlationAtSend = new AtomicReference<>("never sent");
            when(commands.send(any())).thenAnswer(invocation -> {
                correlationAtSend.set(MDC.get(CorrelationId.MDC_KEY));
                return CompletableFuture.completedFuture(null);
            });

            MDC.put(CorrelationId.MDC_KEY, REQUEST_CORRELATION);
            CompletableFuture<OrderId> placed = placement.place(request(), null);
            // as in the distributed mode: the query's answer arrives on a connector thread without the request's MDC
            Thread connectorThread = new Thread(() -> catalogue.complete(CATALOGUE), "axonserver-connector");
            connectorThread.start();
            connectorThread.join();

            assertThat(placed.get()).isNotNull();
            assertThat(correlationAtSend.get()).isEqualTo(REQUEST_CORRELATION);
        }
    }

    @Nested
    class RepeatedIdempotencyKey {

        @Test
        void sendsAgainWhenAConcurrentRequestCreatedTheOrderFirstInAxonServer() throws Exception {
            catalogueAnswers();
            Metadata trailers = new Metadata();
            trailers.put(Metadata.Key.of("AxonIQ-ErrorCode", Metadata.ASCII_STRING_MARSHALLER), "AXONIQ-2000");
            commandFailsOnceThenSucceeds(Status.OUT_OF_RANGE
                    .withDescription("Invalid sequence number 0 for aggregate, expected 1")
                    .asRuntimeException(trailers));

            assertThat(placement.place(request(), IDEMPOTENCY_KEY).get()).isEqualTo(keyedOrder());
        }

        @Test
        void sendsAgainWhenAConcurrentRequestCreatedTheOrderFirstInAnotherJvm() throws Exception {
            catalogueAnswers();
            commandFailsOnceThenSucceeds(new CommandExecutionException(
                    "The aggregate already exists or was changed concurrently",
                    null,
                    new ErrorDetails(ErrorKind.CONFLICT, "aggregate-conflict", "exists")));

            assertThat(placement.place(request(), IDEMPOTENCY_KEY).get()).isEqualTo(keyedOrder());
        }

        @Test
        void passesOnARefusalThatIsNotARepeat() {
            catalogueAnswers();
            CommandExecutionException refusal = new CommandExecutionException(
                    "invalid", null, new ErrorDetails(ErrorKind.UNPROCESSABLE, "order.invalid", "invalid"));
            commandFails(refusal);

            assertThatThrownBy(() -> placement.place(request(), IDEMPOTENCY_KEY).join())
                    .isInstanceOf(CompletionException.class)
                    .hasCause(refusal);
        }

        private OrderId keyedOrder() {
            return OrderPlacement.orderIdFor(CustomerId.of(CUSTOMER), IDEMPOTENCY_KEY);
        }
    }

    private void catalogueAnswers() {
        when(queries.query(any(FindProductsQuery.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(CATALOGUE));
    }

    private void commandFailsOnceThenSucceeds(Throwable failure) {
        when(commands.send(any()))
                .thenReturn(CompletableFuture.failedFuture(failure), CompletableFuture.completedFuture(null));
    }

    private void commandFails(Throwable failure) {
        when(commands.send(any())).thenReturn(CompletableFuture.failedFuture(failure));
    }

    private static PlaceOrderRequest request() {
        return new PlaceOrderRequest(
                CUSTOMER,
                List.of(new PlaceOrderRequest.Line(PRODUCT, 1)),
                new PlaceOrderRequest.Address("Ada Lovelace", "1 Analytical Way", "10115", "Berlin", "DE"));
    }
}
