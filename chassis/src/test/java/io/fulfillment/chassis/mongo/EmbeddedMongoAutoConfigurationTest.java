package io.fulfillment.chassis.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EmbeddedMongoAutoConfigurationTest {

    @TempDir
    Path dataDir;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EmbeddedMongoAutoConfiguration.class));

    @Test
    void startsOnLoopbackWithItsFileInTheDataDirWhenNoAddressIsConfigured() {
        runner.withPropertyValues("fulfillment.data-dir=" + dataDir).run(context -> {
            MongoServer server = context.getBean(MongoServer.class);
            assertThat(server.getLocalAddress().getAddress().isLoopbackAddress())
                    .isTrue();
            assertThat(context.getBean(MongoConnectionDetails.class)
                            .getConnectionString()
                            .getDatabase())
                    .isEqualTo(EmbeddedMongoAutoConfiguration.DEFAULT_DATABASE);
            assertThat(dataDir.resolve(EmbeddedMongoAutoConfiguration.FILE_NAME))
                    .exists();
        });
    }

    @Test
    void usesTheConfiguredDatabaseName() {
        runner.withPropertyValues("fulfillment.data-dir=" + dataDir, "spring.data.mongodb.database=orders")
                .run(context -> assertThat(context.getBean(MongoConnectionDetails.class)
                                .getConnectionString()
                                .getDatabase())
                        .isEqualTo("orders"));
    }

    @Test
    void startsNothingWhenAUriIsConfigured() {
        runner.withPropertyValues("spring.data.mongodb.uri=mongodb://mongo:27017/orders")
                .run(context -> assertThat(context).doesNotHaveBean(MongoServer.class));
    }

    @Test
    void startsNothingWhenAHostIsConfigured() {
        runner.withPropertyValues("spring.data.mongodb.host=mongo")
                .run(context -> assertThat(context).doesNotHaveBean(MongoServer.class));
    }

    @Test
    void canBeSwitchedOff() {
        runner.withPropertyValues("fulfillment.embedded-mongo.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(MongoServer.class));
    }
}
