package io.fulfillment.chassis.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillment.contracts.order.OrderId;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A thread interrupted while it works in the embedded store must not close the store. With H2's plain {@code file:}
 * access the interrupt closes the file channel and the whole database with it ("The database has been closed", every
 * later request a 5xx); the chassis's URL uses H2's interrupt-safe {@code retry:} file system instead.
 */
@ChassisContextTest
class InterruptedStoreWorkIT {

    private static final int WRITES = 400;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.datasource.url}")
    String url;

    /** The probe table must not outlive the test: the shared context's schema test lists every table. */
    @AfterEach
    void dropProbeTable() {
        jdbc.execute("drop table if exists interrupt_probe");
    }

    @Test
    void storeStaysOpenWhenAThreadIsInterruptedInTheMiddleOfStoreWork() throws Exception {
        assertThat(url).as("the configured store URL").startsWith("jdbc:h2:retry:file:");
        jdbc.execute(
                "create table if not exists interrupt_probe (id varchar(64) primary key, payload varbinary(2000))");
        AtomicInteger written = new AtomicInteger();
        Thread worker = new Thread(() -> {
            JdbcTemplate workerJdbc = new JdbcTemplate(dataSource);
            for (int i = 0; i < WRITES; i++) {
                try {
                    workerJdbc.update(
                            "insert into interrupt_probe (id, payload) values (?, ?)",
                            OrderId.newId().value(),
                            new byte[1500]);
                    written.incrementAndGet();
                } catch (RuntimeException interruptedWrite) {
                    // a write may fail while interrupted; the store must survive it
                }
                Thread.interrupted();
            }
        });
        worker.start();
        while (worker.isAlive()) {
            worker.interrupt();
            Thread.sleep(0, 200_000);
        }

        assertThat(written.get())
                .as("writes that went through despite the interrupts")
                .isPositive();
        assertThat(jdbc.queryForObject("select count(*) from interrupt_probe", Long.class))
                .as("the store still answers, and holds every write it acknowledged")
                .isEqualTo(written.get());
        jdbc.update(
                "insert into interrupt_probe (id, payload) values (?, ?)",
                OrderId.newId().value(),
                new byte[10]);
    }
}
