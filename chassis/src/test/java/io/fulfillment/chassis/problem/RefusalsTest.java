package io.fulfillment.chassis.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillment.contracts.kernel.ErrorDetails;
import io.fulfillment.contracts.kernel.ErrorKind;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class RefusalsTest {

    private static final ErrorDetails CONFLICT = new ErrorDetails(ErrorKind.CONFLICT, "order-closed", "closed");

    static class OrderClosed extends DomainException {
        OrderClosed() {
            super(ErrorKind.CONFLICT, "order-closed", "closed");
        }
    }

    @Test
    void findsADomainExceptionWrappedByAnInProcessBus() {
        assertThat(Refusals.find(new CompletionException(new OrderClosed()))).contains(CONFLICT);
    }

    @Test
    void findsTheDetailsARemoteRefusalCarries() {
        assertThat(Refusals.find(new CommandExecutionException("closed", null, CONFLICT)))
                .contains(CONFLICT);
        assertThat(Refusals.find(new QueryExecutionException("closed", null, CONFLICT)))
                .contains(CONFLICT);
    }

    @Test
    void ignoresExecutionExceptionsWithoutDetails() {
        assertThat(Refusals.find(new CommandExecutionException("boom", new IllegalStateException())))
                .isEmpty();
    }

    @Test
    void mapsEveryKindToItsStatus() {
        assertThat(Refusals.status(ErrorKind.NOT_FOUND)).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(Refusals.status(ErrorKind.CONFLICT)).isEqualTo(HttpStatus.CONFLICT);
        assertThat(Refusals.status(ErrorKind.UNPROCESSABLE)).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }
}
