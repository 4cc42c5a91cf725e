package io.fulfillment.orderquery.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.inventory.StockReleasedEvent;
import io.fulfillment.contracts.inventory.StockReservationRejectedEvent;
import io.fulfillment.contracts.inventory.StockReservedEvent;
import io.fulfillment.contracts.kernel.CustomerId;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.kernel.ShippingAddress;
import io.fulfillment.contracts.order.OrderEvent;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.order.OrderLine;
import io.fulfillment.contracts.order.OrderPlacedEvent;
import io.fulfillment.contracts.order.OrderRejectedEvent;
import io.fulfillment.contracts.order.RejectionCode;
import io.fulfillment.contracts.payment.ChargeReversedEvent;
import io.fulfillment.contracts.payment.PaymentChargedEvent;
import io.fulfillment.contracts.payment.PaymentDeclinedEvent;
import io.fulfillment.contracts.payment.PaymentFailedEvent;
import io.fulfillment.contracts.payment.PaymentFailure;
import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.contracts.payment.RefundRequestedEvent;
import io.fulfillment.contracts.shipping.DeliveryRefusal;
import io.fulfillment.contracts.shipping.ShipmentId;
import io.fulfillment.contracts.shipping.ShipmentItem;
import io.fulfillment.contracts.shipping.ShipmentRejectedEvent;
import io.fulfillment.contracts.shipping.ShipmentScheduledEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

class TimelineDescriptionsTest {

    private static final OrderId ORDER = OrderId.of("order-1");
    private static final ProductId KEYBOARD = ProductId.of("keyboard");
    private static final ProductId MOUSE = ProductId.of("mouse");
    private static final PaymentId PAYMENT = PaymentId.of("payment-order-1");
    private static final Money KEYBOARD_PRICE = Money.of("49.90", "EUR");
    private static final Money TOTAL = Money.of("99.80", "EUR");
    private static final ShippingAddress ADDRESS =
            new ShippingAddress("Ada Lovelace", "1 Analytical Way", "10115", "Berlin", "DE");

    @Test
    void describesAPlacedOrderByCustomerLinesAndTotal() {
        OrderPlacedEvent placed = new OrderPlacedEvent(
                ORDER, CustomerId.of("ada"), List.of(new OrderLine(KEYBOARD, 2, KEYBOARD_PRICE)), ADDRESS, TOTAL);

        assertThat(TimelineDescriptions.describe(placed))
                .isEqualTo("Order placed by customer ada: 1 line, total 99.80 EUR");
    }

    @Test
    void describesAReservationByQuantityAndProduct() {
        assertThat(TimelineDescriptions.describe(new StockReservedEvent(KEYBOARD, ORDER, 2)))
                .isEqualTo("Reserved 2 × keyboard");
    }

    @Test
    void describesARefusedReservationWithWhatWasAvailable() {
        assertThat(TimelineDescriptions.describe(new StockReservationRejectedEvent(KEYBOARD, ORDER, 5, 3)))
                .isEqualTo("Could not reserve 5 × keyboard: only 3 available");
    }

    @Test
    void describesAReleaseByQuantityAndProduct() {
        assertThat(TimelineDescriptions.describe(new StockReleasedEvent(MOUSE, ORDER, 1)))
                .isEqualTo("Released 1 × mouse");
    }

    @Test
    void describesADeclineWithTheProvidersReason() {
        assertThat(TimelineDescriptions.describe(new PaymentDeclinedEvent(PAYMENT, ORDER, "insufficient funds")))
                .isEqualTo("Payment declined: insufficient funds");
    }

    @Test
    void describesAChargeWithAmountAndTransaction() {
        assertThat(TimelineDescriptions.describe(new PaymentChargedEvent(PAYMENT, ORDER, TOTAL, "tx-42")))
                .isEqualTo("Charged 99.80 EUR (PSP transaction tx-42)");
    }

    @Test
    void describesARefundRequestWithAmountAndReason() {
        assertThat(TimelineDescriptions.describe(
                        new RefundRequestedEvent(PAYMENT, ORDER, TOTAL, "tx-42", "shipment rejected")))
                .isEqualTo("Refund of 99.80 EUR requested: shipment rejected");
    }

    @Test
    void describesAReversalWithTheRefundItTookOrThatNothingWasHeld() {
        assertThat(TimelineDescriptions.describe(new ChargeReversedEvent(PAYMENT, ORDER, "tx-42", "rf-7")))
                .isEqualTo("Reversed: charge tx-42 refunded (PSP refund rf-7)");
        assertThat(TimelineDescriptions.describe(new ChargeReversedEvent(PAYMENT, ORDER, null, null)))
                .isEqualTo("Reversed: the provider holds nothing for payment payment-order-1");
    }

    @Test
    void describesAScheduledShipmentByDestinationAndUnits() {
        ShipmentScheduledEvent scheduled = new ShipmentScheduledEvent(
                ShipmentId.of("shipment-order-1"),
                ORDER,
                ADDRESS,
                List.of(new ShipmentItem(KEYBOARD, 2), new ShipmentItem(MOUSE, 1)));

        assertThat(TimelineDescriptions.describe(scheduled))
                .isEqualTo("Shipment shipment-order-1 scheduled to Berlin, DE: 3 units");
    }

    @Test
    void describesARejectionWithItsCodeAndTheCustomersWords() {
        assertThat(TimelineDescriptions.describe(new OrderRejectedEvent(ORDER, RejectionCode.PAYMENT_DECLINED)))
                .isEqualTo("Order rejected (PAYMENT_DECLINED): The payment was declined.");
    }

    @Test
    void describesAFailedPaymentAndARejectedShipmentInWordsNotCodes() {
        assertThat(TimelineDescriptions.describe(
                        new PaymentFailedEvent(PAYMENT, ORDER, PaymentFailure.PROVIDER_UNAVAILABLE)))
                .isEqualTo("Payment failed: the provider was unavailable");
        assertThat(TimelineDescriptions.describe(new ShipmentRejectedEvent(
                        ShipmentId.of("shipment-order-1"), ORDER, DeliveryRefusal.COUNTRY_NOT_SERVED)))
                .isEqualTo("Shipment rejected: the country is outside the delivery area");
    }

    /** Every event that belongs to an order has a line of its own, not just its type's name. */
    @Test
    void describesEveryEventThatBelongsToAnOrder() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(OrderEvent.class));

        List<String> orderEvents = scanner.findCandidateComponents("io.fulfillment.contracts").stream()
                .map(BeanDefinition::getBeanClassName)
                .toList();

        assertThat(orderEvents).hasSizeGreaterThanOrEqualTo(26);
        assertThat(orderEvents).allSatisfy(type -> assertThat(TimelineDescriptions.describes(Class.forName(type)))
                .as(type)
                .isTrue());
    }

    @Test
    void namesTheContextAfterTheContractsPackageOfThePayload() {
        assertThat(TimelineDescriptions.contextOf(new StockReservedEvent(KEYBOARD, ORDER, 2)))
                .isEqualTo("inventory");
        assertThat(TimelineDescriptions.contextOf(new PaymentDeclinedEvent(PAYMENT, ORDER, "no")))
                .isEqualTo("payment");
        assertThat(TimelineDescriptions.contextOf(new OrderRejectedEvent(ORDER, RejectionCode.UNSPECIFIED)))
                .isEqualTo("order");
    }
}
