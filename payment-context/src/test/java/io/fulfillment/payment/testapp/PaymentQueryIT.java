package io.fulfillment.payment.testapp;

import static io.fulfillment.payment.testapp.Payments.ORDER_TOTAL;
import static io.fulfillment.payment.testapp.Payments.paymentOfOrderTotal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillment.contracts.payment.RequestPaymentCommand;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@PaymentContextTest
class PaymentQueryIT {

    private static final Duration READ_MODEL_LAG = Duration.ofSeconds(20);

    @Autowired
    TestRestTemplate http;

    @Autowired
    CommandGateway commandGateway;

    @Test
    void findsPaymentOfOrder() {
        RequestPaymentCommand request = paymentOfOrderTotal();
        commandGateway.sendAndWait(request);

        ResponseEntity<JsonNode> found = await().atMost(READ_MODEL_LAG)
                .until(
                        () -> http.getForEntity("/payments?orderId=" + request.orderId(), JsonNode.class),
                        response -> response.getStatusCode() == HttpStatus.OK);

        JsonNode payment = found.getBody();
        assertThat(payment.get("paymentId").asText())
                .isEqualTo(request.paymentId().toString());
        assertThat(payment.get("orderId").asText()).isEqualTo(request.orderId().toString());
        assertThat(payment.at("/amount/amount").decimalValue()).isEqualByComparingTo(ORDER_TOTAL.amount());
        assertThat(payment.at("/amount/currency").asText()).isEqualTo(ORDER_TOTAL.currency());
    }

    @Test
    void answersUnknownPaymentWithNotFoundProblem() {
        ResponseEntity<JsonNode> response = http.getForEntity("/payments/no-such-payment", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertProblem(response);
        assertThat(response.getBody().get("code").asText()).isEqualTo("payment.not-found");
    }

    @Test
    void answersOrderWithoutPaymentWithNotFoundProblem() {
        ResponseEntity<JsonNode> response = http.getForEntity("/payments?orderId=no-such-order", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertProblem(response);
    }

    @Test
    void requiresOrderIdToFindPaymentsByOrder() {
        ResponseEntity<JsonNode> response = http.getForEntity("/payments", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertProblem(response);
    }

    @Test
    void refusesBlankOrderId() {
        ResponseEntity<JsonNode> response = http.getForEntity("/payments?orderId= ", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertProblem(response);
    }

    private static void assertProblem(ResponseEntity<JsonNode> response) {
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
