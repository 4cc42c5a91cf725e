package io.fulfillment.chassis.testapp;

import io.fulfillment.chassis.testapp.ProbeMessages.ShipCommand;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;

/** Counts how often each shipment was shipped by the {@link ShippingProbeSaga}. */
@Component
public class ShipmentLog {

    private final Map<String, Integer> shipped = new ConcurrentHashMap<>();

    @CommandHandler
    void handle(ShipCommand command) {
        shipped.merge(command.shipmentId(), 1, Integer::sum);
    }

    public int timesShipped(String shipmentId) {
        return shipped.getOrDefault(shipmentId, 0);
    }
}
