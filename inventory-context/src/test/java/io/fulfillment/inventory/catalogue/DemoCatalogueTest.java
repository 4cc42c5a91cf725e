package io.fulfillment.inventory.catalogue;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.inventory.RegisterProductCommand;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.inventory.catalogue.DemoCatalogueProperties.DemoProduct;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

class DemoCatalogueTest {

    private static final DemoProduct KEYBOARD =
            new DemoProduct("keyboard", "Keyboard", new BigDecimal("89.90"), "EUR", 100);
    private static final DemoProduct MOUSE = new DemoProduct("mouse", "Mouse", new BigDecimal("29.90"), "EUR", 200);

    private final CommandGateway commandGateway = mock(CommandGateway.class);
    private final EventStore eventStore = mock(EventStore.class);

    @Test
    void registersEveryDemoProduct() {
        when(eventStore.lastSequenceNumberFor(any())).thenReturn(Optional.empty());

        seeder(true, KEYBOARD, MOUSE).registerDemoProducts();

        verify(commandGateway)
                .sendAndWait(new RegisterProductCommand(
                        ProductId.of("keyboard"), "Keyboard", Money.of("89.90", "EUR"), 100));
        verify(commandGateway)
                .sendAndWait(new RegisterProductCommand(ProductId.of("mouse"), "Mouse", Money.of("29.90", "EUR"), 200));
    }

    @Test
    void registersNothingWhenDisabled() {
        seeder(false, KEYBOARD, MOUSE).registerDemoProducts();

        verifyNoInteractions(commandGateway, eventStore);
    }

    @Test
    void skipsProductsRegisteredBeforeARestart() {
        when(eventStore.lastSequenceNumberFor("keyboard")).thenReturn(Optional.of(3L));
        when(eventStore.lastSequenceNumberFor("mouse")).thenReturn(Optional.empty());

        seeder(true, KEYBOARD, MOUSE).registerDemoProducts();

        verify(commandGateway, times(1)).sendAndWait(any());
        verify(commandGateway)
                .sendAndWait(new RegisterProductCommand(ProductId.of("mouse"), "Mouse", Money.of("29.90", "EUR"), 200));
    }

    @Test
    void losingTheRaceToRegisterAndABrokenEntryDoNotStopTheOthers() {
        when(eventStore.lastSequenceNumberFor(any())).thenReturn(Optional.empty());
        when(commandGateway.sendAndWait(new RegisterProductCommand(
                        ProductId.of("keyboard"), "Keyboard", Money.of("89.90", "EUR"), 100)))
                .thenThrow(new CommandExecutionException(
                        "append failed", new ConcurrencyException("sequence 0 already inserted")));
        DemoProduct broken = new DemoProduct("broken", "Broken", new BigDecimal("1.00"), "NOPE", 1);

        seeder(true, KEYBOARD, broken, MOUSE).registerDemoProducts();

        verify(commandGateway)
                .sendAndWait(new RegisterProductCommand(ProductId.of("mouse"), "Mouse", Money.of("29.90", "EUR"), 200));
    }

    private DemoCatalogue seeder(boolean enabled, DemoProduct... products) {
        return new DemoCatalogue(new DemoCatalogueProperties(enabled, List.of(products)), commandGateway, eventStore);
    }
}
