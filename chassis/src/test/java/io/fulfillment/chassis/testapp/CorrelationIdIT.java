package io.fulfillment.chassis.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

import io.fulfillment.chassis.correlation.CorrelationId;
import io.fulfillment.chassis.testapp.ProbeMessages.EchoCorrelationCommand;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ChassisContextTest
class CorrelationIdIT {

    private static final String CALLER_ID = "caller-4711";

    @Autowired
    MockMvc mvc;

    @Autowired
    CommandGateway commandGateway;

    @AfterEach
    void clearMdc() {
        MDC.remove(CorrelationId.MDC_KEY);
    }

    @Test
    void echoesTheCallersIdAndLogsUnderIt() throws Exception {
        mvc.perform(get("/probe/correlation").header(CorrelationId.HEADER, CALLER_ID))
                .andExpect(header().string(CorrelationId.HEADER, CALLER_ID))
                .andExpect(content().string(CALLER_ID));
    }

    @Test
    void createsAnIdWhenTheCallerSendsNone() throws Exception {
        String created =
                mvc.perform(get("/probe/correlation")).andReturn().getResponse().getHeader(CorrelationId.HEADER);

        assertThat(UUID.fromString(created)).isNotNull();
    }

    @Test
    void replacesAnIdThatCouldForgeLogLines() throws Exception {
        String created = mvc.perform(get("/probe/correlation").header(CorrelationId.HEADER, "a\tb"))
                .andReturn()
                .getResponse()
                .getHeader(CorrelationId.HEADER);

        assertThat(created).isNotEqualTo("a\tb");
    }

    @Test
    void commandsSentUnderAnIdCarryIt() {
        MDC.put(CorrelationId.MDC_KEY, CALLER_ID);

        String seenByHandler = commandGateway.sendAndWait(new EchoCorrelationCommand());

        assertThat(seenByHandler).startsWith(CALLER_ID + "|");
    }

    @Test
    void handlersLogUnderTheIdOfTheirMessage() {
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage(new EchoCorrelationCommand())
                .andMetaData(Map.of(CorrelationId.METADATA_KEY, CALLER_ID));

        String seenByHandler = commandGateway.sendAndWait(command);

        assertThat(seenByHandler).isEqualTo(CALLER_ID + "|" + CALLER_ID);
        assertThat(MDC.get(CorrelationId.MDC_KEY)).isNull();
    }
}
