package io.fulfillment.chassis.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.fulfillment.chassis.mongo.ReadModelGenerations.Generation;
import io.fulfillment.chassis.testapp.ChassisContextTest;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The generation pointer as two instances of a service see it, on the embedded read-model store. */
@ChassisContextTest
class ReadModelGenerationsIT {

    private static final Duration REFRESH = Duration.ofSeconds(2);

    @Autowired
    MongoTemplate mongo;

    private final String readModel = "read-model-" + UUID.randomUUID();
    private final AtomicLong otherInstanceClock = new AtomicLong();

    @Test
    void aReadModelNeverRebuiltServesItsPlainCollections() {
        ReadModelGenerations generations = new ReadModelGenerations(mongo, REFRESH);

        assertThat(generations.current(readModel)).isEqualTo(new Generation(readModel, 1));
        assertThat(generations.current(readModel).collection("summaries")).isEqualTo("summaries");
        assertThat(generations.current(readModel).next().collection("summaries"))
                .isEqualTo("summaries_g2");
    }

    @Test
    void theSwitchingInstanceServesTheNewGenerationAtOnceAndAnotherOneAfterItsRefresh() {
        ReadModelGenerations switching = new ReadModelGenerations(mongo, REFRESH);
        ReadModelGenerations other = new ReadModelGenerations(mongo, REFRESH, otherInstanceClock::get);
        assertThat(other.current(readModel).number()).isEqualTo(1);

        switching.switchTo(new Generation(readModel, 2));

        assertThat(switching.current(readModel).number()).isEqualTo(2);
        assertThat(other.current(readModel).number()).isEqualTo(1);
        otherInstanceClock.addAndGet(REFRESH.toNanos());
        assertThat(other.current(readModel).number()).isEqualTo(2);
        assertThat(new ReadModelGenerations(mongo, REFRESH).current(readModel).number())
                .as("a restarted instance")
                .isEqualTo(2);
    }

    @Test
    void generationsCountFromOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Generation(readModel, 0));
    }
}
