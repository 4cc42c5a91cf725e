package io.fulfillment.order.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderRejectedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FulfillmentMetricsTest {

    private static final OrderId ORDER = OrderId.of("order-1");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FulfillmentMetrics metrics = new FulfillmentMetrics(registry);

    /** The reasons as OrderFulfillmentSaga writes them. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "out of stock: product keyboard (requested 3, available 1) | out-of-stock",
                "payment declined: insufficient funds | payment-declined",
                "payment failed: provider unavailable | payment-failed",
                "shipment rejected: address outside the delivery area | shipment-rejected",
                "stock reservation timed out | stock-reservation-timed-out",
                "payment timed out | payment-timed-out",
                "shipment scheduling timed out | shipment-scheduling-timed-out",
                "something nobody foresaw: order-1 | other",
            })
    void tagsARejectionWithItsKindNeverItsText(String reason, String kind) {
        assertThat(FulfillmentMetrics.rejectionKind(reason)).isEqualTo(kind);
    }

    @Test
    void countsARejectionOnlyOnceItsUnitOfWorkCommitted() {
        EventMessage<?> rejected =
                GenericEventMessage.asEventMessage(new OrderRejectedEvent(ORDER, "payment timed out"));
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(rejected);

        metrics.orderOutcomes().handle(List.of(rejected)).apply(0, rejected);
        double beforeCommit = rejections("payment-timed-out");
        unitOfWork.commit();

        assertThat(beforeCommit).isZero();
        assertThat(rejections("payment-timed-out")).isEqualTo(1);
    }

    @Test
    void countsNothingOfARolledBackUnitOfWork() {
        EventMessage<?> rejected =
                GenericEventMessage.asEventMessage(new OrderRejectedEvent(ORDER, "payment timed out"));
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(rejected);

        metrics.orderOutcomes().handle(List.of(rejected)).apply(0, rejected);
        unitOfWork.rollback();

        assertThat(rejections("payment-timed-out")).isZero();
    }

    private double rejections(String reason) {
        return registry.get(FulfillmentMetrics.REJECTED)
                .tag("reason", reason)
                .counter()
                .count();
    }
}
