package io.fulfillment.chassis.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.jdbc.core.JdbcTemplate;

class EmbeddedStoreSchemaTest {

    private static final Path DATA_DIR = Path.of("/srv/fulfillment/data");

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);

    EmbeddedStoreSchemaTest() {
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void createsTheStoresTablesAndRunsAgainOnAnExistingDatabase() {
        new EmbeddedStoreSchema(dataSource, DATA_DIR).initializeDatabase();
        jdbc.update("insert into TokenEntry (processorName, segment) values ('p', 0)");

        new EmbeddedStoreSchema(dataSource, DATA_DIR).initializeDatabase();

        assertThat(tables())
                .containsExactlyInAnyOrder(
                        "DOMAINEVENTENTRY",
                        "SNAPSHOTEVENTENTRY",
                        "TOKENENTRY",
                        "SAGAENTRY",
                        "ASSOCIATIONVALUEENTRY",
                        "DEADLETTERENTRY",
                        "SCHEDULED_TASKS");
        assertThat(jdbc.queryForObject("select count(*) from TokenEntry", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void refusesADatabaseTheJpaStoresWroteAndCreatesNothing() {
        jdbc.execute("create table DOMAIN_EVENT_ENTRY (global_index bigint primary key)");
        jdbc.execute("create table JOBRUNR_JOBS (id varchar(36) primary key)");

        assertThatThrownBy(() -> new EmbeddedStoreSchema(dataSource, DATA_DIR).initializeDatabase())
                .isInstanceOfSatisfying(JpaEraDataDirectoryException.class, refused -> {
                    assertThat(refused.tables()).containsExactly("DOMAIN_EVENT_ENTRY", "JOBRUNR_JOBS");
                    assertThat(refused.dataDir()).isEqualTo(DATA_DIR.toString());
                });
        assertThat(tables()).containsExactlyInAnyOrder("DOMAIN_EVENT_ENTRY", "JOBRUNR_JOBS");
    }

    @Test
    void theStartUpFailureSaysWhatWasFoundAndToDeleteTheDataDirectory() {
        FailureAnalysis analysis = new JpaEraDataDirectoryFailureAnalyzer()
                .analyze(new RuntimeException(
                        new JpaEraDataDirectoryException(DATA_DIR, List.of("DOMAIN_EVENT_ENTRY", "TOKEN_ENTRY"))));

        assertThat(analysis.getDescription())
                .contains("/srv/fulfillment/data")
                .contains("DOMAIN_EVENT_ENTRY, TOKEN_ENTRY")
                .contains("does not migrate");
        assertThat(analysis.getAction()).startsWith("Delete the data directory /srv/fulfillment/data");
    }

    private List<String> tables() {
        return jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'PUBLIC'", String.class);
    }
}
