package io.fulfillment.chassis.embedded;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon's JDBC event store that an append failed on a unique key, so that it reports a second aggregate under an
 * existing id ({@code AggregateStreamCreationException}) or a concurrent change ({@code ConcurrencyException}) instead
 * of a storage failure, and the caller gets a conflict, not a 500.
 *
 * <p>Axon's {@code JdbcSQLErrorCodesResolver} looks for a {@code SQLIntegrityConstraintViolationException} among the
 * causes. H2 reports a failed batch insert, which is how the event store appends, as a {@code BatchUpdateException}
 * that links the violation as its next exception, not its cause, and carries the violation's SQL state itself.
 */
class UniqueKeyViolations implements PersistenceExceptionResolver {

    /** The SQL standard's state for a unique constraint violation (H2: {@code DUPLICATE_KEY_1}). */
    static final String UNIQUE_VIOLATION = "23505";

    private static final int MAX_DEPTH = 16;

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        Throwable current = exception;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (current instanceof SQLException sql && isUniqueViolation(sql)) {
                return true;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return false;
    }

    private static boolean isUniqueViolation(SQLException exception) {
        SQLException current = exception;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (UNIQUE_VIOLATION.equals(current.getSQLState())) {
                return true;
            }
            current = current.getNextException();
        }
        return false;
    }
}
