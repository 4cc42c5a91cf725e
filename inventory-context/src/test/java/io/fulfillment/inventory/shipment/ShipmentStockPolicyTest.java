package io.fulfillment.inventory.shipment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import io.fulfillment.contracts.inventory.CommitStockCommand;
import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.shipping.ShipmentDispatchedEvent;
import io.fulfillment.contracts.shipping.ShipmentId;
import io.fulfillment.contracts.shipping.ShipmentItem;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

class ShipmentStockPolicyTest {

    private static final ProductId KEYBOARD = ProductId.of("keyboard");
    private static final ProductId MOUSE = ProductId.of("mouse");
    private static final OrderId ORDER = OrderId.of("order-1");

    private final CommandGateway commandGateway = mock(CommandGateway.class);
    private final ShipmentStockPolicy policy = new ShipmentStockPolicy(commandGateway);

    @Test
    void commitsTheOrdersReservationOfEveryShippedProductOnce() {
        policy.on(dispatched(new ShipmentItem(KEYBOARD, 2), new ShipmentItem(MOUSE, 1), new ShipmentItem(KEYBOARD, 1)));

        verify(commandGateway).sendAndWait(new CommitStockCommand(KEYBOARD, ORDER));
        verify(commandGateway).sendAndWait(new CommitStockCommand(MOUSE, ORDER));
        verifyNoMoreInteractions(commandGateway);
    }

    @Test
    void letsAFailedCommitReachTheProcessor() {
        when(commandGateway.sendAndWait(new CommitStockCommand(KEYBOARD, ORDER)))
                .thenThrow(new CommandExecutionException("unknown product", null));

        assertThatThrownBy(() -> policy.on(dispatched(new ShipmentItem(KEYBOARD, 2))))
                .isInstanceOf(CommandExecutionException.class);
    }

    private static ShipmentDispatchedEvent dispatched(ShipmentItem... items) {
        return new ShipmentDispatchedEvent(ShipmentId.of("shipment-1"), ORDER, List.of(items));
    }
}
