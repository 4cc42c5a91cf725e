package io.fulfillment.chassis.testapp;

import io.fulfillment.chassis.correlation.CorrelationId;
import io.fulfillment.chassis.testapp.ProbeMessages.EchoCorrelationCommand;
import io.fulfillment.chassis.testapp.ProbeMessages.RefuseCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

@Component
class ProbeCommandHandler {

    /** Answers "metadata|mdc" as the handler saw them. */
    @CommandHandler
    String handle(EchoCorrelationCommand command, @MetaDataValue(CorrelationId.METADATA_KEY) String correlationId) {
        return correlationId + "|" + MDC.get(CorrelationId.MDC_KEY);
    }

    @CommandHandler
    void handle(RefuseCommand command) {
        throw new ProbeConflict(command.code());
    }
}
