package io.fulfillment.chassis.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.kernel.ErrorDetails;
import io.fulfillment.contracts.kernel.ErrorKind;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RefusalTranslatingInterceptorTest {

    static class OutOfStock extends DomainException {
        OutOfStock() {
            super(ErrorKind.UNPROCESSABLE, "out-of-stock", "only 2 left");
        }
    }

    private final RefusalTranslatingInterceptor interceptor = new RefusalTranslatingInterceptor();
    private final UnitOfWork<CommandMessage<?>> unitOfWork =
            DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("reserve"));

    /** Takes the unit of work off the thread, where it would otherwise become the parent of later tests' ones. */
    @AfterEach
    void endUnitOfWork() {
        unitOfWork.rollback();
    }

    @Test
    void carriesTheRefusalsDetailsInACommandExecutionException() {
        InterceptorChain refusing = () -> {
            throw new OutOfStock();
        };

        assertThatThrownBy(() -> interceptor.handle(unitOfWork, refusing))
                .isInstanceOfSatisfying(CommandExecutionException.class, e -> {
                    assertThat(e.getDetails())
                            .contains(new ErrorDetails(ErrorKind.UNPROCESSABLE, "out-of-stock", "only 2 left"));
                    assertThat(e.getCause()).isInstanceOf(OutOfStock.class);
                });
    }

    @Test
    void turnsAnUnknownAggregateIntoANotFoundRefusal() {
        InterceptorChain missing = () -> {
            throw new AggregateNotFoundException("order-9", "no order-9");
        };

        assertThatThrownBy(() -> interceptor.handle(unitOfWork, missing))
                .isInstanceOfSatisfying(CommandExecutionException.class, e -> assertThat(e.getDetails())
                        .get()
                        .isInstanceOfSatisfying(ErrorDetails.class, details -> assertThat(details.kind())
                                .isEqualTo(ErrorKind.NOT_FOUND)));
    }

    @Test
    void leavesOtherFailuresAlone() {
        InterceptorChain failing = () -> {
            throw new IllegalStateException("bug");
        };

        assertThatThrownBy(() -> interceptor.handle(unitOfWork, failing)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void passesResultsThrough() throws Exception {
        assertThat(interceptor.handle(unitOfWork, () -> "ok")).isEqualTo("ok");
    }
}
