package io.fulfillment.benchmarks;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * Counts the JDBC commits of every connection a wrapped {@link DataSource} hands out, whoever asked for it (Axon's
 * event, token and saga stores through Hibernate, JobRunr's deadline jobs, anything else on the same pool).
 *
 * <p>A commit is a {@code Connection.commit()} call; a data-modifying statement ({@code INSERT}, {@code UPDATE},
 * {@code DELETE}, {@code MERGE}) executed while the connection is in auto-commit mode, which commits on its own (an
 * {@code executeBatch} counts once); or {@code setAutoCommit(true)} on a transaction with uncommitted writes, which
 * JDBC commits. A commit "with writes" is one whose transaction ran a data-modifying statement: a read-only commit
 * leaves the database file untouched. Statements are classified by their first keyword, comments skipped.
 */
final class CommitCounter {

    private static final Set<String> MODIFYING = Set.of("INSERT", "UPDATE", "DELETE", "MERGE");
    private static final Set<String> EXECUTING =
            Set.of("execute", "executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    private final LongAdder commits = new LongAdder();
    private final LongAdder writingCommits = new LongAdder();
    private final LongAdder dataSources = new LongAdder();

    long commits() {
        return commits.sum();
    }

    long writingCommits() {
        return writingCommits.sum();
    }

    /** How many data sources were wrapped: none means the figures are unavailable. */
    long dataSources() {
        return dataSources.sum();
    }

    /**
     * A proxy with every interface of {@code target} (so {@code close()} and the pool's MXBean stay reachable) that
     * counts the commits of the connections it hands out; {@code unwrap} reaches the original.
     */
    DataSource wrap(DataSource target) {
        dataSources.increment();
        return (DataSource) Proxies.withAllInterfaces(target, (proxy, method, args) -> {
            Object result = Proxies.forward(proxy, target, method, args);
            return result instanceof Connection connection && method.getName().equals("getConnection")
                    ? new CountingConnection(connection).proxy
                    : result;
        });
    }

    private final class CountingConnection implements InvocationHandler {

        private final Connection target;
        private final Connection proxy;
        /** A data-modifying statement ran in the current transaction and is not committed yet. */
        private boolean pendingWrites;

        CountingConnection(Connection target) {
            this.target = target;
            this.proxy = (Connection) Proxies.with(Connection.class, this);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "commit" -> {
                    Object result = Proxies.forward(proxy, target, method, args);
                    committed(pendingWrites);
                    return result;
                }
                case "rollback" -> {
                    Object result = Proxies.forward(proxy, target, method, args);
                    if (args == null || args.length == 0) {
                        pendingWrites = false;
                    }
                    return result;
                }
                case "setAutoCommit" -> {
                    boolean implicitCommit = pendingWrites && Boolean.TRUE.equals(args[0]) && !target.getAutoCommit();
                    Object result = Proxies.forward(proxy, target, method, args);
                    if (implicitCommit) {
                        committed(true);
                    }
                    return result;
                }
                case "createStatement", "prepareStatement", "prepareCall" -> {
                    Statement statement = (Statement) Proxies.forward(proxy, target, method, args);
                    String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                    return statement(statement, method.getReturnType(), sql);
                }
                default -> {
                    return Proxies.forward(proxy, target, method, args);
                }
            }
        }

        private void committed(boolean withWrites) {
            commits.increment();
            if (withWrites) {
                writingCommits.increment();
            }
            pendingWrites = false;
        }

        /** After a data-modifying statement ran: committed now (auto-commit) or with the transaction. */
        void wrote() throws Exception {
            if (target.getAutoCommit()) {
                committed(true);
            } else {
                pendingWrites = true;
            }
        }

        private Object statement(Statement statement, Class<?> type, String preparedSql) {
            Class<?> exposed =
                    type == PreparedStatement.class || type == CallableStatement.class ? type : Statement.class;
            return Proxies.with(exposed, new CountingStatement(this, statement, preparedSql));
        }
    }

    private static final class CountingStatement implements InvocationHandler {

        private final CountingConnection connection;
        private final Statement target;
        private final boolean preparedModifies;
        /** A plain statement's batch holds a data-modifying statement. */
        private boolean batchModifies;

        CountingStatement(CountingConnection connection, Statement target, String preparedSql) {
            this.connection = connection;
            this.target = target;
            this.preparedModifies = preparedSql != null && modifiesData(preparedSql);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("getConnection")) {
                return connection.proxy;
            }
            if (name.equals("addBatch") && args != null && args.length == 1 && args[0] instanceof String sql) {
                batchModifies |= modifiesData(sql);
            } else if (name.equals("clearBatch")) {
                batchModifies = false;
            }
            Object result = Proxies.forward(proxy, target, method, args);
            if (EXECUTING.contains(name)) {
                boolean modifies;
                if (args != null && args.length > 0 && args[0] instanceof String sql) {
                    modifies = modifiesData(sql);
                } else if (name.endsWith("Batch")) {
                    modifies = preparedModifies || batchModifies;
                    batchModifies = false;
                } else {
                    modifies = preparedModifies;
                }
                if (modifies) {
                    connection.wrote();
                }
            }
            return result;
        }
    }

    static boolean modifiesData(String sql) {
        int i = 0;
        int length = sql.length();
        while (i < length) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? length : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? length : end + 2;
            } else {
                break;
            }
        }
        int start = i;
        while (i < length && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        return MODIFYING.contains(sql.substring(start, i).toUpperCase(Locale.ROOT));
    }
}
