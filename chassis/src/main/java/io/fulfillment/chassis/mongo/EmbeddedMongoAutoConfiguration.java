package io.fulfillment.chassis.mongo;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The embedded MongoDB of the one-process mode: when no MongoDB address is configured
 * ({@code spring.data.mongodb.uri} / {@code host}) it starts mongo-java-server with its H2 backend on
 * {@code ${fulfillment.data-dir}/readmodels.mv}, bound to 127.0.0.1 on a free port, and hands its address to Spring
 * Data MongoDB as {@link MongoConnectionDetails}. The server has no transactions and scans every query that is not an
 * {@code _id} lookup; Axon keeps using the transaction manager of the H2 database.
 *
 * <p>Read models must not fall behind the tokens that say they are up to date: the H2 store behind the server writes
 * its changes to the file in the background (about once a second), while the event processors' tokens commit in the
 * H2 database. {@link ReadModelDurabilityAutoConfiguration} therefore writes the read models to their file right
 * before an Axon transaction that wrote them commits, so a killed process never restarts with a token ahead of its
 * read model.
 */
@AutoConfiguration(before = {MongoAutoConfiguration.class, MongoDataAutoConfiguration.class})
@ConditionalOnClass({MongoServer.class, H2Backend.class, MongoConnectionDetails.class})
@ConditionalOnMissingBean(MongoConnectionDetails.class)
@ConditionalOnProperty(prefix = "fulfillment.embedded-mongo", name = "enabled", matchIfMissing = true)
@Conditional(EmbeddedMongoAutoConfiguration.NoMongoAddressConfigured.class)
public class EmbeddedMongoAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoAutoConfiguration.class);
    private static final String LOOPBACK = "127.0.0.1";
    static final String FILE_NAME = "readmodels.mv";
    static final String DEFAULT_DATABASE = "fulfillment";

    /** Closed by the server's shutdown. */
    @Bean(destroyMethod = "")
    H2Backend embeddedMongoBackend(@Value("${fulfillment.data-dir:./data}") String dataDir) {
        Path file = Path.of(dataDir).toAbsolutePath().resolve(FILE_NAME);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + file.getParent(), e);
        }
        return new ReadModelStoreBackend(file.toString());
    }

    @Bean(destroyMethod = "shutdown")
    MongoServer embeddedMongoServer(H2Backend embeddedMongoBackend) {
        MongoServer server = new MongoServer(embeddedMongoBackend);
        server.bind(LOOPBACK, 0);
        log.info("Embedded MongoDB (mongo-java-server, H2 backend) listening on {}", server.getLocalAddress());
        return server;
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(
            MongoServer embeddedMongoServer,
            @Value("${spring.data.mongodb.database:" + DEFAULT_DATABASE + "}") String database) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        ConnectionString connectionString =
                new ConnectionString("mongodb://" + LOOPBACK + ":" + address.getPort() + "/" + database);
        return () -> connectionString;
    }

    /** Matches only when neither {@code spring.data.mongodb.uri} nor {@code spring.data.mongodb.host} has a value. */
    static class NoMongoAddressConfigured extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            ConditionMessage.Builder message = ConditionMessage.forCondition("embedded MongoDB");
            for (String property : List.of("spring.data.mongodb.uri", "spring.data.mongodb.host")) {
                if (StringUtils.hasText(context.getEnvironment().getProperty(property))) {
                    return ConditionOutcome.noMatch(message.found("property").items(property));
                }
            }
            return ConditionOutcome.match(message.because("no MongoDB address is configured"));
        }
    }
}
