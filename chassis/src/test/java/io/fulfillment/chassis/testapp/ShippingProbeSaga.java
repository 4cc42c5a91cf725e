package io.fulfillment.chassis.testapp;

import io.fulfillment.chassis.testapp.ProbeMessages.ShipCommand;
import io.fulfillment.chassis.testapp.ProbeMessages.ShipmentWantedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * A saga with a side effect, on a pooled streaming processor like the real ones: every shipment it hears of is shipped
 * once, by a command the {@link ShipmentLog} counts. Handling its history again would ship again.
 */
@Saga
public class ShippingProbeSaga {

    static final String PROCESSOR = "ShippingProbeSagaProcessor";

    @StartSaga
    @EndSaga
    @SagaEventHandler(associationProperty = "shipmentId")
    void on(ShipmentWantedEvent event, CommandGateway commands) {
        commands.sendAndWait(new ShipCommand(event.shipmentId()));
    }
}
