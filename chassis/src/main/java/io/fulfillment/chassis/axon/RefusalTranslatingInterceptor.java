package io.fulfillment.chassis.axon;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.kernel.ErrorDetails;
import io.fulfillment.contracts.kernel.ErrorKind;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Turns a command handler's refusal into a {@link CommandExecutionException} whose details are the refusal's
 * {@link ErrorDetails}: Axon Server carries those details (not the exception class) to a caller in another JVM, and
 * the problem-details advice maps them to 404/409/422. An unknown aggregate becomes a {@code NOT_FOUND} refusal the
 * same way.
 */
class RefusalTranslatingInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String AGGREGATE_NOT_FOUND = "aggregate-not-found";

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (DomainException refusal) {
            throw new CommandExecutionException(refusal.getMessage(), refusal, refusal.details());
        } catch (AggregateNotFoundException notFound) {
            throw new CommandExecutionException(
                    notFound.getMessage(),
                    notFound,
                    new ErrorDetails(ErrorKind.NOT_FOUND, AGGREGATE_NOT_FOUND, notFound.getMessage()));
        }
    }
}
