package io.fulfillment.shipping.carrier;

import io.fulfillment.chassis.correlation.Correlation;
import io.fulfillment.contracts.shipping.DispatchShipmentCommand;
import io.fulfillment.contracts.shipping.ShipmentScheduledEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A stand-in carrier for demos: it picks up every scheduled shipment as soon as it hears of it. Off unless
 * {@code fulfillment.shipping.carrier.auto-dispatch=true}; never replayed, since a replay must not pick goods up again.
 */
@Component
@ProcessingGroup("shipping-carrier")
@ConditionalOnProperty(prefix = "fulfillment.shipping.carrier", name = "auto-dispatch", havingValue = "true")
class SimulatedCarrier {

    private static final Logger log = LoggerFactory.getLogger(SimulatedCarrier.class);

    private final CommandGateway commands;

    SimulatedCarrier(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    @DisallowReplay
    void on(ShipmentScheduledEvent event) {
        commands.send(new DispatchShipmentCommand(event.shipmentId()))
                .whenComplete(Correlation.capture().biConsumer((ignored, failure) -> {
                    if (failure != null) {
                        log.warn("Simulated carrier could not dispatch shipment {}", event.shipmentId(), failure);
                    }
                }));
    }
}
