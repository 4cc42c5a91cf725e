package io.fulfillment.chassis.embedded;

import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Creates the embedded mode's tables ({@code schema-h2.sql}: Axon's JDBC stores and db-scheduler) at every start, after
 * refusing a data directory written by the JPA-based stores of earlier versions, whose tables have other names and
 * types and are not migrated (ADR 0007).
 *
 * <p>Being a script initializer, it runs before the beans Spring Boot knows to depend on database initialization, and
 * Spring Boot's own {@code spring.sql.init} backs off.
 */
class EmbeddedStoreSchema extends DataSourceScriptDatabaseInitializer {

    static final String LOCATION = "classpath:io/fulfillment/chassis/embedded/schema-h2.sql";

    /** Tables the JPA (Hibernate) stores and JobRunr created; none of them exists in a directory written by JDBC. */
    static final List<String> JPA_ERA_TABLES = List.of(
            "DOMAIN_EVENT_ENTRY",
            "SNAPSHOT_EVENT_ENTRY",
            "TOKEN_ENTRY",
            "SAGA_ENTRY",
            "ASSOCIATION_VALUE_ENTRY",
            "DEAD_LETTER_ENTRY",
            "JOBRUNR_JOBS");

    private final DataSource dataSource;
    private final Path dataDir;

    EmbeddedStoreSchema(DataSource dataSource, Path dataDir) {
        super(dataSource, settings());
        this.dataSource = dataSource;
        this.dataDir = dataDir;
    }

    private static DatabaseInitializationSettings settings() {
        DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
        settings.setSchemaLocations(List.of(LOCATION));
        settings.setMode(DatabaseInitializationMode.ALWAYS);
        return settings;
    }

    @Override
    public boolean initializeDatabase() {
        List<String> found = new JdbcTemplate(dataSource)
                        .queryForList(
                                "select table_name from information_schema.tables where table_schema = 'PUBLIC'"
                                        + " order by table_name",
                                String.class)
                        .stream()
                        .filter(JPA_ERA_TABLES::contains)
                        .toList();
        if (!found.isEmpty()) {
            throw new JpaEraDataDirectoryException(dataDir, found);
        }
        return super.initializeDatabase();
    }
}
