package io.fulfillment.chassis.axon;

import io.fulfillment.chassis.problem.DomainException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryMessage;

/**
 * The query-side twin of {@link RefusalTranslatingInterceptor}: a query handler's {@link DomainException} (typically
 * {@code NOT_FOUND}) reaches a caller in another JVM as a {@link QueryExecutionException} carrying its details.
 */
class QueryRefusalTranslatingInterceptor implements MessageHandlerInterceptor<QueryMessage<?, ?>> {

    @Override
    public Object handle(UnitOfWork<? extends QueryMessage<?, ?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (DomainException refusal) {
            throw new QueryExecutionException(refusal.getMessage(), refusal, refusal.details());
        }
    }
}
