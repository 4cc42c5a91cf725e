package io.fulfillment.shipping.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.kernel.ShippingAddress;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.shipping.DispatchShipmentCommand;
import io.fulfillment.contracts.shipping.ShipmentId;
import io.fulfillment.contracts.shipping.ShipmentItem;
import io.fulfillment.contracts.shipping.ShipmentScheduledEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SimulatedCarrierTest {

    private static final ShipmentScheduledEvent SHIPMENT_SCHEDULED = new ShipmentScheduledEvent(
            ShipmentId.of("shipment-of-order-1001"),
            OrderId.of("order-1001"),
            new ShippingAddress("Ada Lovelace", "Unter den Linden 1", "10117", "Berlin", "DE"),
            List.of(new ShipmentItem(ProductId.of("keyboard-k120"), 2)));

    private final CommandGateway commands = mock(CommandGateway.class);

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withUserConfiguration(SimulatedCarrier.class)
            .withBean(CommandGateway.class, () -> commands);

    @Test
    void picksUpEveryScheduledShipmentAtOnce() {
        when(commands.send(any())).thenReturn(CompletableFuture.completedFuture(null));

        new SimulatedCarrier(commands).on(SHIPMENT_SCHEDULED);

        verify(commands).send(new DispatchShipmentCommand(SHIPMENT_SCHEDULED.shipmentId()));
    }

    @Test
    void survivesRefusedPickup() {
        when(commands.send(any())).thenReturn(CompletableFuture.failedFuture(new IllegalStateException("refused")));

        new SimulatedCarrier(commands).on(SHIPMENT_SCHEDULED);

        verify(commands).send(new DispatchShipmentCommand(SHIPMENT_SCHEDULED.shipmentId()));
    }

    @Test
    void staysAwayUnlessSwitchedOn() {
        contextRunner.run(context -> assertThat(context).doesNotHaveBean(SimulatedCarrier.class));
        contextRunner
                .withPropertyValues("fulfillment.shipping.carrier.auto-dispatch=false")
                .run(context -> assertThat(context).doesNotHaveBean(SimulatedCarrier.class));
        contextRunner
                .withPropertyValues("fulfillment.shipping.carrier.auto-dispatch=true")
                .run(context -> assertThat(context).hasSingleBean(SimulatedCarrier.class));
    }
}
