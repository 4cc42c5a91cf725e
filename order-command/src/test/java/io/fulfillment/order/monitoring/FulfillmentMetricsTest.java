package io.fulfillment.order.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderRejectedEvent;
import io.fulfillment.contracts.order.RejectionCode;
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

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "OUT_OF_STOCK | out-of-stock",
                "PAYMENT_DECLINED | payment-declined",
                "PAYMENT_FAILED | payment-failed",
                "ADDRESS_NOT_DELIVERABLE | address-not-deliverable",
                "STOCK_RESERVATION_TIMED_OUT | stock-reservation-timed-out",
                "PAYMENT_TIMED_OUT | payment-timed-out",
                "SHIPMENT_SCHEDULING_TIMED_OUT | shipment-scheduling-timed-out",
                "UNSPECIFIED | unspecified",
            })
    void tagsARejectionWithItsCode(RejectionCode code, String kind) {
        assertThat(FulfillmentMetrics.rejectionKind(code)).isEqualTo(kind);
        assertThat(rejections(kind)).isZero();
    }

    @Test
    void countsARejectionOnlyOnceItsUnitOfWorkCommitted() {
        EventMessage<?> rejected =
                GenericEventMessage.asEventMessage(new OrderRejectedEvent(ORDER, RejectionCode.PAYMENT_TIMED_OUT));
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
                GenericEventMessage.asEventMessage(new OrderRejectedEvent(ORDER, RejectionCode.PAYMENT_TIMED_OUT));
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
