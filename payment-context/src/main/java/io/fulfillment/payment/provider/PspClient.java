package io.fulfillment.payment.provider;

import io.fulfillment.chassis.correlation.Correlation;
import io.fulfillment.contracts.kernel.Money;
import io.fulfillment.contracts.payment.PaymentFailure;
import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.payment.provider.PspMessages.ChargeRequest;
import io.fulfillment.payment.provider.PspMessages.ChargeResponse;
import io.fulfillment.payment.provider.PspMessages.RefundRequest;
import io.fulfillment.payment.provider.PspMessages.RefundResponse;
import io.fulfillment.payment.provider.PspMessages.ReversalRequest;
import io.fulfillment.payment.provider.PspMessages.ReversalResponse;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.net.http.HttpClient;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Charges and refunds through the payment service provider over HTTP. Every call goes through, from the outside in:
 * retry (exponential backoff with jitter, only for 5xx, I/O errors, timeouts and a full bulkhead), circuit breaker
 * (counts only those failures), time limiter, bulkhead. The idempotency keys {@code charge-<paymentId>} and
 * {@code refund-<paymentId>} make every retry, and every redelivery of the event that caused the call, safe: the
 * provider answers a repeated key with its first answer and moves the money once.
 *
 * <p>The charge key also names the charge when the answers were lost: {@link #findCharge} asks the provider what it
 * did under it, and {@link #reverseCharge} makes it give back whatever it took under it. Reversals are background
 * work and go through their own resilience instances ({@value PspResilience#RECONCILIATION}), so that retrying them
 * neither trips the breaker in front of customers' charges nor takes its half-open trial calls.
 */
public class PspClient implements AutoCloseable {

    static final String BASE_URL = "fulfillment.payment.psp.base-url";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final PaymentFailure UNAVAILABLE = PaymentFailure.PROVIDER_UNAVAILABLE;

    private final Environment environment;
    private final RestClient.Builder restClientBuilder;
    private final PspProperties properties;
    private final PspResilience payments;
    private final PspResilience reconciliation;
    private final ExecutorService calls;
    private volatile RestClient restClient;

    PspClient(
            Environment environment,
            RestClient.Builder restClientBuilder,
            PspProperties properties,
            PspResilience payments,
            PspResilience reconciliation) {
        this.environment = environment;
        this.restClientBuilder = restClientBuilder;
        this.properties = properties;
        this.payments = payments;
        this.reconciliation = reconciliation;
        this.calls = Executors.newCachedThreadPool(new CallThreads());
    }

    /** Stops the threads the time limiter waits on; Spring calls it when the context closes. */
    @Override
    public void close() {
        calls.shutdownNow();
    }

    /**
     * @throws PaymentProviderException when the provider stayed unavailable through every retry, the circuit is open,
     *     or it refused the request
     */
    public ChargeOutcome charge(PaymentId paymentId, Money amount) {
        ChargeResponse response = call("charge", payments, () -> restClient()
                .post()
                .uri("/charges")
                .header(IDEMPOTENCY_KEY, chargeKey(paymentId))
                .body(new ChargeRequest(paymentId.toString(), amount.amount(), amount.currency()))
                .retrieve()
                .onStatus(HttpStatusCode::isError, (request, answer) -> {
                    throw failure(answer.getStatusCode(), "charge");
                })
                .body(ChargeResponse.class));
        return outcomeOf(response);
    }

    /**
     * Asks the provider which charge it made under the payment's charge key: how the caller of a charge whose answers
     * were all lost learns what happened. Empty when it made none, or none yet: a request may still be on its way.
     *
     * @throws PaymentProviderException as {@link #charge}
     */
    public Optional<ChargeOutcome> findCharge(PaymentId paymentId) {
        return call("charge lookup", payments, () -> restClient()
                .get()
                .uri(uri -> uri.path("/charges")
                        .queryParam("idempotencyKey", chargeKey(paymentId))
                        .build())
                .exchange((request, answer) -> {
                    if (answer.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                        return Optional.<ChargeOutcome>empty();
                    }
                    if (answer.getStatusCode().isError()) {
                        throw failure(answer.getStatusCode(), "charge lookup");
                    }
                    return Optional.of(outcomeOf(answer.bodyTo(ChargeResponse.class)));
                }));
    }

    /**
     * Makes the provider give back whatever it charged under the payment's charge key and refuse any later charge
     * under it. Safe to repeat: the provider answers a repeated reversal with the first one.
     *
     * @throws PaymentProviderException as {@link #charge}, after the reconciliation's own retries
     */
    public ChargeReversal reverseCharge(PaymentId paymentId) {
        ReversalResponse response = call("charge reversal", reconciliation, () -> restClient()
                .post()
                .uri("/reversals")
                .body(new ReversalRequest(chargeKey(paymentId)))
                .retrieve()
                .onStatus(HttpStatusCode::isError, (request, answer) -> {
                    throw failure(answer.getStatusCode(), "charge reversal");
                })
                .body(ReversalResponse.class));
        return new ChargeReversal(response.transactionId(), response.refundId());
    }

    /**
     * @return the provider's refund id
     * @throws PaymentProviderException as {@link #charge}
     */
    public String refund(PaymentId paymentId, String transactionId, Money amount) {
        RefundResponse response = call("refund", payments, () -> restClient()
                .post()
                .uri("/refunds")
                .header(IDEMPOTENCY_KEY, "refund-" + paymentId)
                .body(new RefundRequest(transactionId, amount.amount(), amount.currency()))
                .retrieve()
                .onStatus(HttpStatusCode::isError, (request, answer) -> {
                    throw failure(answer.getStatusCode(), "refund");
                })
                .body(RefundResponse.class));
        return response.refundId();
    }

    private static String chargeKey(PaymentId paymentId) {
        return "charge-" + paymentId;
    }

    private static ChargeOutcome outcomeOf(ChargeResponse response) {
        if (PspMessages.APPROVED.equals(response.outcome())) {
            return new ChargeOutcome.Approved(response.transactionId());
        }
        return new ChargeOutcome.Declined(response.transactionId(), response.declineReason());
    }

    private <T> T call(String operation, PspResilience resilience, Callable<T> httpCall) {
        AtomicInteger attempts = new AtomicInteger();
        Callable<T> isolated = Bulkhead.decorateCallable(resilience.bulkhead(), () -> {
            try {
                return httpCall.call();
            } catch (ResourceAccessException e) {
                throw new PspUnavailableException(operation + " did not get through: " + e.getMessage(), e);
            }
        });
        Callable<T> limited = TimeLimiter.decorateFutureSupplier(
                resilience.timeLimiter(),
                () -> calls.submit(
                        // the call runs on a thread of its own: it keeps the payment's correlation for its log lines
                        Correlation.capture().callable(isolated)));
        Callable<T> guarded = CircuitBreaker.decorateCallable(resilience.circuitBreaker(), () -> {
            attempts.incrementAndGet();
            return limited.call();
        });
        try {
            return Retry.decorateCallable(resilience.retry(), guarded).call();
        } catch (CallNotPermittedException e) {
            throw new PaymentProviderException(UNAVAILABLE, "payment provider unavailable (circuit open)", e);
        } catch (PspRequestRejectedException e) {
            throw new PaymentProviderException(
                    PaymentFailure.PROVIDER_REFUSED_REQUEST,
                    "payment provider refused the " + operation + ": " + e.getMessage(),
                    e);
        } catch (PspUnavailableException | TimeoutException | BulkheadFullException e) {
            throw new PaymentProviderException(
                    UNAVAILABLE, "payment provider failed after " + attempts.get() + " attempts: " + describe(e), e);
        } catch (Exception e) {
            throw new PaymentProviderException(UNAVAILABLE, "payment provider call failed: " + describe(e), e);
        }
    }

    private static RuntimeException failure(HttpStatusCode status, String operation) {
        String message = operation + " answered " + status.value();
        return status.is5xxServerError()
                ? new PspUnavailableException(message, null)
                : new PspRequestRejectedException(message);
    }

    private static String describe(Exception e) {
        if (e instanceof TimeoutException) {
            return "no answer within the time limit";
        }
        if (e instanceof BulkheadFullException) {
            return "too many concurrent calls";
        }
        return e.getMessage();
    }

    /** Threads that run the HTTP calls the time limiter waits for; the bulkhead bounds how many are busy. */
    private static final class CallThreads implements ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "psp-call-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    private RestClient restClient() {
        RestClient client = restClient;
        if (client == null) {
            synchronized (this) {
                client = restClient;
                if (client == null) {
                    client = restClientBuilder
                            .clone()
                            .baseUrl(environment.getRequiredProperty(BASE_URL))
                            .requestFactory(requestFactory())
                            .build();
                    restClient = client;
                }
            }
        }
        return client;
    }

    private JdkClientHttpRequestFactory requestFactory() {
        HttpClient httpClient = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(httpClient);
        factory.setReadTimeout(properties.readTimeout());
        return factory;
    }
}
