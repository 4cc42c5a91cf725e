package io.fulfillment.payment.view;

import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.payment.FindPaymentByOrderQuery;
import io.fulfillment.contracts.payment.FindPaymentQuery;
import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.contracts.payment.PaymentView;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/payments")
class PaymentController {

    private final QueryGateway queryGateway;

    PaymentController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/{paymentId}")
    CompletableFuture<PaymentView> payment(@PathVariable @NotBlank @Size(max = PaymentId.MAX_LENGTH) String paymentId) {
        return queryGateway.query(
                new FindPaymentQuery(PaymentId.of(paymentId)), ResponseTypes.instanceOf(PaymentView.class));
    }

    @GetMapping
    CompletableFuture<PaymentView> paymentOfOrder(
            @RequestParam @NotBlank @Size(max = OrderId.MAX_LENGTH) String orderId) {
        return queryGateway.query(
                new FindPaymentByOrderQuery(OrderId.of(orderId)), ResponseTypes.instanceOf(PaymentView.class));
    }
}
