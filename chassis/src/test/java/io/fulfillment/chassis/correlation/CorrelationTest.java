package io.fulfillment.chassis.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class CorrelationTest {

    private static final String REQUEST = "request-1";
    private static final String OTHER_WORK = "other-work";

    private final ExecutorService otherThread = Executors.newSingleThreadExecutor();

    @AfterEach
    void cleanUp() {
        otherThread.shutdownNow();
        MDC.clear();
    }

    @Test
    void carriesTheCapturedIdIntoAContinuationOnAnotherThread() throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        MDC.put(CorrelationId.MDC_KEY, REQUEST);

        CompletableFuture<String> continued =
                answer.thenApply(Correlation.capture().function(ignored -> MDC.get(CorrelationId.MDC_KEY)));
        MDC.clear();
        otherThread.submit(() -> answer.complete("catalogue")).get();

        assertThat(continued.get()).isEqualTo(REQUEST);
    }

    @Test
    void givesTheThreadItsOwnIdBackAfterwards() throws Exception {
        MDC.put(CorrelationId.MDC_KEY, REQUEST);
        Runnable wrapped = Correlation.capture().runnable(() -> {});

        String after = otherThread
                .submit(() -> {
                    MDC.put(CorrelationId.MDC_KEY, OTHER_WORK);
                    wrapped.run();
                    return MDC.get(CorrelationId.MDC_KEY);
                })
                .get();

        assertThat(after).isEqualTo(OTHER_WORK);
    }

    @Test
    void runsWorkCapturedWithoutAnIdWithoutTheThreadsId() throws Exception {
        Runnable wrapped = Correlation.capture()
                .runnable(() -> assertThat(MDC.get(CorrelationId.MDC_KEY)).isNull());

        otherThread
                .submit(() -> {
                    MDC.put(CorrelationId.MDC_KEY, OTHER_WORK);
                    wrapped.run();
                })
                .get();
    }
}
