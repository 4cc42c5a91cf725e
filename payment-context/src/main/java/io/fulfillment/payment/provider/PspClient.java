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
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.decorators.Decorators;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
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
 * Charges and refunds through the payment service provider over HTTP. Every call is composed with resilience4j's
 * {@link Decorators}, from the outside in: retry (exponential backoff with jitter, only for 5xx, I/O errors, timeouts
 * and a full bulkhead), circuit breaker (counts only those failures), bulkhead, time limiter, and the HTTP exchange on
 * a call thread. The idempotency keys {@code charge-<paymentId>} and {@code refund-<paymentId>} make every retry, and
 * every redelivery of the event that caused the call, safe: the provider answers a repeated key with its first answer
 * and moves the money once.
 *
 * <p>Which timeout wins: the time limiter's {@code timeout-duration} is the one limit of an attempt (connection,
 * request and answer together). When it fires, the attempt fails with a {@link TimeoutException} (retried, counted by
 * the breaker) and its call thread is interrupted, which ends the HTTP exchange at the same moment. The connect
 * timeout is shorter (checked at start-up), so an unreachable provider fails as an I/O error inside the attempt; the
 * HTTP client's read timeout is set to the longest time limit and is only a backstop for an interrupt that was lost.
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
    private final ScheduledExecutorService timers;
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
        this.calls = Executors.newCachedThreadPool(new DaemonThreads("psp-call-"));
        this.timers = Executors.newSingleThreadScheduledExecutor(new DaemonThreads("psp-timer-"));
    }

    /** Stops the call threads and the timers of the time limiter and the retry; Spring calls it at context close. */
    @Override
    public void close() {
        timers.shutdownNow();
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

    /** The longest an attempt may take under either set of instances: the HTTP client's backstop. */
    Duration longestTimeLimit() {
        Duration payment = payments.timeLimiter().getTimeLimiterConfig().getTimeoutDuration();
        Duration reversal = reconciliation.timeLimiter().getTimeLimiterConfig().getTimeoutDuration();
        return payment.compareTo(reversal) >= 0 ? payment : reversal;
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
        Callable<T> attempt = () -> {
            attempts.incrementAndGet();
            try {
                return httpCall.call();
            } catch (ResourceAccessException e) {
                throw new PspUnavailableException(operation + " did not get through: " + e.getMessage(), e);
            }
        };
        try {
            return Decorators.ofCompletionStage(() -> start(attempt))
                    .withTimeLimiter(resilience.timeLimiter(), timers)
                    .withBulkhead(resilience.bulkhead())
                    .withCircuitBreaker(resilience.circuitBreaker())
                    .withRetry(resilience.retry(), timers)
                    .get()
                    .toCompletableFuture()
                    .join();
        } catch (CompletionException e) {
            throw translate(operation, attempts.get(), e.getCause() != null ? e.getCause() : e);
        }
    }

    /**
     * Runs one attempt on a call thread; the thread keeps the payment's correlation for its log lines. When the time
     * limiter gives up on the attempt (it completes the attempt's future with a {@link TimeoutException}), the thread is
     * interrupted, which makes the JDK HTTP client abandon the exchange: an attempt never outlives its time limit.
     */
    private <T> CompletableFuture<T> start(Callable<T> attempt) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        Callable<T> correlated = Correlation.capture().callable(attempt);
        Future<?> running = calls.submit(() -> {
            try {
                answer.complete(correlated.call());
            } catch (Throwable e) {
                answer.completeExceptionally(e);
            }
        });
        answer.whenComplete((result, failure) -> {
            if (failure instanceof TimeoutException) {
                running.cancel(true);
            }
        });
        return answer;
    }

    private static PaymentProviderException translate(String operation, int attempts, Throwable e) {
        if (e instanceof CallNotPermittedException) {
            return new PaymentProviderException(UNAVAILABLE, "payment provider unavailable (circuit open)", e);
        }
        if (e instanceof PspRequestRejectedException) {
            return new PaymentProviderException(
                    PaymentFailure.PROVIDER_REFUSED_REQUEST,
                    "payment provider refused the " + operation + ": " + e.getMessage(),
                    e);
        }
        if (e instanceof PspUnavailableException
                || e instanceof TimeoutException
                || e instanceof BulkheadFullException) {
            return new PaymentProviderException(
                    UNAVAILABLE, "payment provider failed after " + attempts + " attempts: " + describe(e), e);
        }
        return new PaymentProviderException(UNAVAILABLE, "payment provider call failed: " + describe(e), e);
    }

    private static RuntimeException failure(HttpStatusCode status, String operation) {
        String message = operation + " answered " + status.value();
        return status.is5xxServerError()
                ? new PspUnavailableException(message, null)
                : new PspRequestRejectedException(message);
    }

    private static String describe(Throwable e) {
        if (e instanceof TimeoutException) {
            return "no answer within the time limit";
        }
        if (e instanceof BulkheadFullException) {
            return "too many concurrent calls";
        }
        return e.getMessage();
    }

    /**
     * Threads that run the HTTP calls the time limiter waits for (the bulkhead bounds how many are busy), and the one
     * that times the limiter and the retry's backoff.
     */
    private static final class DaemonThreads implements ThreadFactory {

        private final String prefix;
        private final AtomicInteger count = new AtomicInteger();

        DaemonThreads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
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
        // the time limiter ends an attempt; the HTTP client's own limit, the longest time limit of the two instances,
        // only ends an exchange whose interrupt was lost, so a call thread never outlives its attempt for long
        factory.setReadTimeout(longestTimeLimit());
        return factory;
    }
}
