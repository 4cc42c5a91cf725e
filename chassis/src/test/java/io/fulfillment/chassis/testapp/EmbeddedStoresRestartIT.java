package io.fulfillment.chassis.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.fulfillment.chassis.correlation.CorrelationId;
import io.fulfillment.chassis.testapp.ProbeMessages.DeadlineRequestedEvent;
import io.fulfillment.chassis.testapp.ProbeMessages.FiredDeadline;
import io.fulfillment.contracts.order.OrderId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Stops the application and starts it again on the same data directory: read models (embedded MongoDB) and pending
 * deadlines (db-scheduler executions in H2) must both survive. The first run looks for due deadlines only once, when it
 * starts (before the deadline exists), so the deadline can only fire in the second.
 */
class EmbeddedStoresRestartIT {

    private static final String COLLECTION = "survivors";
    private static final OrderId ORDER = OrderId.of("order-restart-1");
    private static final String REQUEST_CORRELATION = "restart-request-1";

    @TempDir
    static Path dataDir;

    static ConfigurableApplicationContext restarted;

    @BeforeAll
    static void runOnceThenRestart() {
        try (ConfigurableApplicationContext first = start(false)) {
            first.getBean(MongoTemplate.class)
                    .insert(new Document("_id", ORDER.value()).append("status", "PLACED"), COLLECTION);
            first.getBean(EventGateway.class)
                    .publish(GenericEventMessage.asEventMessage(new DeadlineRequestedEvent(
                                    ORDER, Instant.now().plusSeconds(2)))
                            .andMetaData(Map.of(CorrelationId.METADATA_KEY, REQUEST_CORRELATION)));

            assertThat(first.getBean(Scheduler.class).getScheduledExecutions()).hasSize(1);
        }
        restarted = start(true);
    }

    @AfterAll
    static void stop() {
        if (restarted != null) {
            restarted.close();
        }
    }

    @Test
    void readModelDocumentsSurviveARestart() {
        Document survivor = restarted.getBean(MongoTemplate.class).findById(ORDER.value(), Document.class, COLLECTION);

        assertThat(survivor).isNotNull();
        assertThat(survivor.getString("status")).isEqualTo("PLACED");
    }

    @Test
    void aDeadlineScheduledBeforeTheRestartFiresAfterIt() {
        DeadlineProbe probe = restarted.getBean(DeadlineProbe.class);

        await().atMost(Duration.ofSeconds(45)).until(() -> !probe.fired().isEmpty());

        FiredDeadline fired = probe.fired().get(0);
        assertThat(fired.sagaOrderId()).isEqualTo(ORDER);
        assertThat(fired.deadline().orderId()).isEqualTo(ORDER);
        assertThat(fired.deadline().requestedAt()).isNotNull();
        assertThat(fired.correlationId()).isEqualTo(REQUEST_CORRELATION);
    }

    private static ConfigurableApplicationContext start(boolean runDeadlines) {
        return new SpringApplicationBuilder(ChassisTestApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--fulfillment.data-dir=" + dataDir.toAbsolutePath(),
                        "--db-scheduler.polling-interval=" + (runDeadlines ? "500ms" : "1h"));
    }
}
