package io.fulfillment.payment.charge;

import static io.fulfillment.payment.charge.PaymentFixtures.chargeReversalRequested;
import static io.fulfillment.payment.charge.PaymentFixtures.chargeReversed;
import static io.fulfillment.payment.charge.PaymentFixtures.paymentCharged;
import static io.fulfillment.payment.charge.PaymentFixtures.paymentFailed;
import static io.fulfillment.payment.charge.PaymentFixtures.paymentRequested;
import static io.fulfillment.payment.charge.PaymentFixtures.recordChargeReversed;
import static io.fulfillment.payment.charge.PaymentFixtures.recordCharged;
import static io.fulfillment.payment.charge.PaymentFixtures.refundRequested;
import static io.fulfillment.payment.charge.PaymentFixtures.requestRefund;
import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** Snapshots are the aggregate itself, written with the Jackson serializer every Axon serializer uses here. */
class PaymentSnapshotTest {

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void keepsEveryFieldAcrossASnapshot() {
        Payment payment = new Payment();
        payment.on(paymentRequested());
        payment.on(paymentFailed());
        payment.on(chargeReversalRequested());

        SerializedObject<String> snapshot = serializer.serialize(payment, String.class);
        Payment restored = serializer.deserialize(snapshot);

        assertThat(snapshot.getData())
                .contains(PaymentFixtures.PAYMENT_ID.toString(), PaymentFixtures.ORDER_ID.toString(), "FAILED");
        assertThat(serializer.serialize(restored, String.class).getData()).isEqualTo(snapshot.getData());
    }

    @Test
    void refundsAChargedPaymentRestoredFromASnapshot() {
        Payment charged = new Payment();
        charged.on(paymentRequested());
        charged.on(paymentCharged());
        Payment restored = serializer.deserialize(serializer.serialize(charged, String.class));

        new AggregateTestFixture<>(Payment.class)
                .givenState(() -> restored)
                .when(requestRefund())
                .expectEvents(refundRequested());
    }

    @Test
    void remembersTheRequestedReversalAcrossASnapshot() {
        Payment failed = new Payment();
        failed.on(paymentRequested());
        failed.on(paymentFailed());
        failed.on(chargeReversalRequested());
        Payment restored = serializer.deserialize(serializer.serialize(failed, String.class));

        new AggregateTestFixture<>(Payment.class)
                .givenState(() -> restored)
                .when(recordChargeReversed())
                .expectEvents(chargeReversed());
        new AggregateTestFixture<>(Payment.class)
                .givenState(() -> serializer.deserialize(serializer.serialize(failed, String.class)))
                .when(recordCharged())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
