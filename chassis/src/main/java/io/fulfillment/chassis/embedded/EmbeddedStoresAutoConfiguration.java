package io.fulfillment.chassis.embedded;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The embedded mode's H2 database ({@code spring.datasource}, a file under {@code fulfillment.data-dir}): Axon's
 * {@link JdbcAutoConfiguration} keeps events, tokens, sagas and dead letters in it through JDBC, and db-scheduler's
 * Spring Boot starter keeps the saga deadlines in it, on a transaction-aware view of the same DataSource, so a deadline
 * commits or rolls back with the unit of work that scheduled or cancelled it. Neither creates tables; this creates them.
 * It also tells Axon's event store which H2 failures are unique-key violations ({@link UniqueKeyViolations}).
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class, before = JdbcAutoConfiguration.class)
@ConditionalOnBean(DataSource.class)
@Conditional(OnEmbeddedMode.class)
public class EmbeddedStoresAutoConfiguration {

    @Bean
    EmbeddedStoreSchema embeddedStoreSchema(
            DataSource dataSource, @Value("${fulfillment.data-dir:./data}") String dataDir) {
        return new EmbeddedStoreSchema(dataSource, Path.of(dataDir).toAbsolutePath());
    }

    @Bean
    PersistenceExceptionResolver uniqueKeyViolations() {
        return new UniqueKeyViolations();
    }
}
