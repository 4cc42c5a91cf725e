package io.fulfillment.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fulfillment.contracts.kernel.ShippingAddress;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.shipping.ShipmentId;
import io.fulfillment.contracts.shipping.ShipmentScheduledEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

class SagaGateTest {

    private static final String PROCEEDED = "proceeded";
    private static final String SOMEONE_ELSE = "Someone Else";

    @Test
    void failsTheTestThatClosedItAndNeverOpenedIt() throws Exception {
        SagaGate gate = new SagaGate(Duration.ofMillis(100));
        gate.close();

        assertThat(handle(gate, SagaGate.HELD_RECIPIENT)).isEqualTo(PROCEEDED);

        assertThatThrownBy(gate::open).isInstanceOf(AssertionError.class).hasMessageContaining("not opened within");
    }

    @Test
    void holdsTheSagaUntilTheTestOpensIt() throws Exception {
        SagaGate gate = new SagaGate(SagaGate.HOLD_LIMIT);
        gate.close();
        CompletableFuture<Object> held = CompletableFuture.supplyAsync(() -> handleUnchecked(gate));

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !held.isDone());
        assertThatNoException().isThrownBy(gate::open);
        assertThat(held.get(5, TimeUnit.SECONDS)).isEqualTo(PROCEEDED);
    }

    @Test
    void letsOtherOrdersAndAnOpenGatePass() throws Exception {
        SagaGate gate = new SagaGate(SagaGate.HOLD_LIMIT);

        assertThat(handle(gate, SagaGate.HELD_RECIPIENT)).isEqualTo(PROCEEDED);
        gate.close();
        assertThat(handle(gate, SOMEONE_ELSE)).isEqualTo(PROCEEDED);
        assertThatNoException().isThrownBy(gate::open);
    }

    private static Object handleUnchecked(SagaGate gate) {
        try {
            return handle(gate, SagaGate.HELD_RECIPIENT);
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    private static Object handle(SagaGate gate, String recipient) throws Exception {
        ShipmentScheduledEvent scheduled = new ShipmentScheduledEvent(
                ShipmentId.newId(),
                OrderId.newId(),
                new ShippingAddress(recipient, "1 Test Street", "T1 1TT", "Testbury", "GB"),
                List.of());
        DefaultUnitOfWork<EventMessage<?>> unitOfWork =
                DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(scheduled));
        try {
            return gate.handle(unitOfWork, () -> PROCEEDED);
        } finally {
            unitOfWork.rollback();
        }
    }
}
