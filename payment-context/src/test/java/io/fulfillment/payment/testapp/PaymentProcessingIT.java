package io.fulfillment.payment.testapp;

import static io.fulfillment.payment.testapp.Payments.paymentOfOrderTotal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillment.contracts.payment.ChargeReversedEvent;
import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.contracts.payment.RefundRequestedEvent;
import io.fulfillment.contracts.payment.RequestPaymentCommand;
import io.fulfillment.contracts.payment.RequestRefundCommand;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@PaymentContextTest
class PaymentProcessingIT {

    private static final Duration OUTCOME_LAG = Duration.ofSeconds(20);
    private static final Duration SLOW_OUTCOME_LAG = Duration.ofSeconds(60);
    private static final int SLOWER_THAN_TIME_LIMIT = 2_500;
    private static final String UNAVAILABLE = "PROVIDER_UNAVAILABLE";

    @Autowired
    TestRestTemplate http;

    @Autowired
    CommandGateway commandGateway;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @Autowired
    EventProcessingConfiguration eventProcessing;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("paymentCache")
    Cache paymentCache;

    private Sandbox sandbox;
    private CircuitBreaker breaker;

    @BeforeEach
    void healthyProvider() {
        sandbox = new Sandbox(http);
        sandbox.reset();
        breaker = circuitBreakers.circuitBreaker("psp");
        breaker.reset();
        circuitBreakers.circuitBreaker("psp-reconciliation").reset();
    }

    @Test
    void chargesRequestedPaymentAtTheProvider() {
        RequestPaymentCommand request = paymentOfOrderTotal();

        JsonNode payment = requestAndAwait(request, "CHARGED");

        assertThat(payment.get("pspTransactionId").asText()).startsWith("txn-");
        assertThat(sandbox.chargesOf(request.paymentId().toString())).isOne();
    }

    @Test
    void recordsDeclineWithProvidersReason() {
        sandbox.injectFaults(Map.of("declineRate", 1));

        JsonNode payment = requestAndAwait(paymentOfOrderTotal(), "DECLINED");

        assertThat(payment.get("reason").asText()).isEqualTo("insufficient funds");
    }

    @Test
    void refundsChargedPaymentOnceAtTheProvider() {
        RequestPaymentCommand request = paymentOfOrderTotal();
        String transactionId =
                requestAndAwait(request, "CHARGED").get("pspTransactionId").asText();

        commandGateway.sendAndWait(new RequestRefundCommand(request.paymentId(), "customer cancelled"));

        awaitStatus(request.paymentId(), "REFUNDED");
        assertThat(sandbox.refundsOf(transactionId)).isOne();
    }

    /**
     * A refund request stored before it named the charge (revision 1 of {@code RefundRequestedEvent}, written here as
     * the old code stored it) is upcast with no transaction; the refund finds the charge in the payment's history.
     */
    @Test
    void refundsARefundRequestStoredBeforeItNamedTheCharge() {
        RequestPaymentCommand request = paymentOfOrderTotal();
        String paymentId = request.paymentId().toString();
        String transactionId =
                requestAndAwait(request, "CHARGED").get("pspTransactionId").asText();
        long next = eventStore.lastSequenceNumberFor(paymentId).orElseThrow() + 1;

        jdbc.update(
                "insert into DomainEventEntry (eventIdentifier, type, aggregateIdentifier, sequenceNumber, timeStamp,"
                        + " payloadType, payloadRevision, payload, metaData) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(),
                "Payment",
                paymentId,
                next,
                Instant.now().toString(),
                RefundRequestedEvent.class.getName(),
                null,
                ("{\"paymentId\":\"%s\",\"orderId\":\"%s\",\"amount\":{\"amount\":%s,\"currency\":\"%s\"},"
                                + "\"reason\":\"customer cancelled\"}")
                        .formatted(
                                paymentId,
                                request.orderId(),
                                request.amount().amount().toPlainString(),
                                request.amount().currency())
                        .getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        paymentCache.remove(paymentId); // the cached payment has not seen the row written behind its back

        awaitStatus(request.paymentId(), "REFUNDED");
        assertThat(sandbox.refundsOf(transactionId)).isOne();
    }

    @Test
    void chargesEveryPaymentExactlyOnceDespiteFlakyProvider() {
        sandbox.injectFaults(Map.of("errorRate", 0.2, "seed", 7));
        List<RequestPaymentCommand> requests = new ArrayList<>();

        for (int i = 0; i < 10; i++) {
            RequestPaymentCommand request = paymentOfOrderTotal();
            requests.add(request);
            requestAndAwait(request, "CHARGED");
        }

        assertThat(requests).allSatisfy(request -> assertThat(
                        sandbox.chargesOf(request.paymentId().toString()))
                .isOne());
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isPositive();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void parksRefundTheProviderCannotMakeAndRefundsOnceWhenRetried() {
        RequestPaymentCommand request = paymentOfOrderTotal();
        String transactionId =
                requestAndAwait(request, "CHARGED").get("pspTransactionId").asText();
        sandbox.injectFaults(Map.of("outage", true));

        commandGateway.sendAndWait(new RequestRefundCommand(request.paymentId(), "customer cancelled"));

        SequencedDeadLetterProcessor<EventMessage<?>> deadLetters =
                eventProcessing.sequencedDeadLetterProcessor("payment-psp").orElseThrow();
        SequencedDeadLetterQueue<EventMessage<?>> queue =
                eventProcessing.deadLetterQueue("payment-psp").orElseThrow();
        await().atMost(OUTCOME_LAG).until(() -> queue.amountOfSequences() > 0);
        assertThat(awaitStatus(request.paymentId(), "REFUND_REQUESTED")).isNotNull();

        sandbox.reset();
        await().atMost(OUTCOME_LAG).until(() -> deadLetters.processAny() || queue.amountOfSequences() == 0);

        awaitStatus(request.paymentId(), "REFUNDED");
        assertThat(sandbox.refundsOf(transactionId)).isOne();
    }

    @Test
    void failsPaymentsWhileProviderIsDownAndChargesAgainOnceItRecovers() {
        sandbox.injectFaults(Map.of("outage", true));

        JsonNode firstFailure = requestAndAwait(paymentOfOrderTotal(), "FAILED");
        assertThat(firstFailure.get("reason").asText()).isEqualTo(UNAVAILABLE);

        await().atMost(OUTCOME_LAG).until(() -> {
            requestAndAwait(paymentOfOrderTotal(), "FAILED");
            return breaker.getState() == CircuitBreaker.State.OPEN;
        });
        assertThat(circuitBreakerStateFromActuator()).isEqualTo("OPEN");
        JsonNode rejected = requestAndAwait(paymentOfOrderTotal(), "FAILED");
        assertThat(rejected.get("reason").asText()).isEqualTo(UNAVAILABLE);

        sandbox.reset();
        await().atMost(Duration.ofSeconds(5)).until(() -> breaker.getState() == CircuitBreaker.State.HALF_OPEN);
        requestAndAwait(paymentOfOrderTotal(), "CHARGED");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(circuitBreakerStateFromActuator()).isEqualTo("CLOSED");
    }

    @Test
    void opensAgainWhenTheHalfOpenBreakersTrialCallsMeetTheOutage() {
        List<CircuitBreaker.StateTransition> transitions = new CopyOnWriteArrayList<>();
        breaker.getEventPublisher().onStateTransition(event -> transitions.add(event.getStateTransition()));
        sandbox.injectFaults(Map.of("outage", true));
        await().atMost(OUTCOME_LAG).until(() -> {
            requestAndAwait(paymentOfOrderTotal(), "FAILED");
            return breaker.getState() == CircuitBreaker.State.OPEN;
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> breaker.getState() == CircuitBreaker.State.HALF_OPEN);

        requestAndAwait(paymentOfOrderTotal(), "FAILED");

        assertThat(transitions)
                .as("the trial calls during the outage count as failures")
                .contains(CircuitBreaker.StateTransition.HALF_OPEN_TO_OPEN)
                .doesNotContain(CircuitBreaker.StateTransition.HALF_OPEN_TO_CLOSED);
    }

    @Test
    void recordsTheChargeWhoseEveryAnswerWasLost() {
        sandbox.injectFaults(Map.of("lostResponseRate", 1));
        RequestPaymentCommand request = paymentOfOrderTotal();

        JsonNode payment = requestAndAwait(request, "CHARGED");

        String transactionId = payment.get("pspTransactionId").asText();
        assertThat(sandbox.chargesOf(request.paymentId().toString())).isOne();
        assertThat(sandbox.refundsOf(transactionId)).isZero();
    }

    @Test
    void givesBackTheChargeOfAPaymentWhoseEveryAnswerCameAfterTheTimeLimit() {
        sandbox.injectFaults(Map.of("latencyMillis", SLOWER_THAN_TIME_LIMIT));
        RequestPaymentCommand request = paymentOfOrderTotal();

        commandGateway.sendAndWait(request);
        awaitStatus(request.paymentId(), "FAILED", SLOW_OUTCOME_LAG);
        sandbox.reset();

        ChargeReversedEvent reversal = awaitReversal(request.paymentId());
        assertThat(sandbox.chargesOf(request.paymentId().toString()))
                .as("the provider charged despite the time-outs")
                .isOne();
        assertThat(sandbox.netChargesOf(request.paymentId().toString()))
                .as("approved charges minus refunds of failed payment %s", request.paymentId())
                .isZero();
        assertThat(sandbox.refundsWithId(reversal.pspRefundId())).isOne();
    }

    @Test
    void retriesParkedReversalOnceTheProviderIsBackAndClosesTheChargeKey() {
        sandbox.injectFaults(Map.of("outage", true));
        RequestPaymentCommand request = paymentOfOrderTotal();
        SequencedDeadLetterQueue<EventMessage<?>> parked =
                eventProcessing.deadLetterQueue("payment-reconciliation").orElseThrow();

        requestAndAwait(request, "FAILED");
        await().atMost(OUTCOME_LAG)
                .until(() -> parked.contains(request.paymentId().toString()));
        sandbox.reset();

        ChargeReversedEvent reversal = awaitReversal(request.paymentId());
        assertThat(reversal.pspTransactionId()).as("nothing was charged").isNull();
        assertThat(reversal.pspRefundId()).isNull();
        assertThat(sandbox.reversalsOf(request.paymentId().toString())).isOne();
        assertThat(parked.contains(request.paymentId().toString())).isFalse();
    }

    private ChargeReversedEvent awaitReversal(PaymentId paymentId) {
        return await().atMost(SLOW_OUTCOME_LAG)
                .until(
                        () -> eventStore
                                .readEvents(paymentId.toString())
                                .asStream()
                                .map(EventMessage::getPayload)
                                .filter(ChargeReversedEvent.class::isInstance)
                                .map(ChargeReversedEvent.class::cast)
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private JsonNode requestAndAwait(RequestPaymentCommand request, String status) {
        commandGateway.sendAndWait(request);
        return awaitStatus(request.paymentId(), status);
    }

    private JsonNode awaitStatus(PaymentId paymentId, String status) {
        return awaitStatus(paymentId, status, OUTCOME_LAG);
    }

    private JsonNode awaitStatus(PaymentId paymentId, String status, Duration atMost) {
        return await().atMost(atMost)
                .until(
                        () -> {
                            ResponseEntity<JsonNode> response =
                                    http.getForEntity("/payments/" + paymentId, JsonNode.class);
                            return response.getStatusCode() == HttpStatus.OK ? response.getBody() : null;
                        },
                        payment -> payment != null
                                && status.equals(payment.get("status").asText()));
    }

    private String circuitBreakerStateFromActuator() {
        return http.getForObject("/actuator/circuitbreakers", JsonNode.class)
                .at("/circuitBreakers/psp/state")
                .asText();
    }
}
