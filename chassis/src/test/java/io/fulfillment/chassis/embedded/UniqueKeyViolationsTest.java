package io.fulfillment.chassis.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UniqueKeyViolationsTest {

    private final UniqueKeyViolations violations = new UniqueKeyViolations();
    private Connection connection;

    @BeforeEach
    void createTable() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID());
        connection = dataSource.getConnection();
        connection.createStatement().execute("create table entry (id varchar(10) not null, primary key (id))");
        connection.createStatement().execute("insert into entry (id) values ('taken')");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void aBatchInsertOnATakenKeyIsADuplicateKeyViolation() {
        Exception failure = catchException(() -> insertInBatch("taken"));

        assertThat(violations.isDuplicateKeyViolation(new RuntimeException("append failed", failure)))
                .isTrue();
    }

    @Test
    void otherConstraintViolationsAreNot() {
        Exception failure = catchException(() -> insertInBatch(null));

        assertThat(violations.isDuplicateKeyViolation(new RuntimeException("append failed", failure)))
                .isFalse();
        assertThat(violations.isDuplicateKeyViolation(new IllegalArgumentException("no SQL at all")))
                .isFalse();
    }

    private void insertInBatch(String id) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into entry (id) values (?)")) {
            insert.setString(1, id);
            insert.addBatch();
            insert.executeBatch();
        }
    }
}
