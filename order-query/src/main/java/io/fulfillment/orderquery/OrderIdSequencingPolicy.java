package io.fulfillment.orderquery;

import java.util.Optional;
import org.axonframework.common.property.Property;
import org.axonframework.common.property.PropertyAccessStrategy;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * Sequences events by the order they name: every event whose payload has an {@code orderId} (the record accessor
 * {@code orderId()}) goes to the segment of that order, whichever aggregate published it; any other event falls back
 * to Axon's default, per aggregate.
 *
 * <p>Axon's {@code PropertySequencingPolicy} resolves the property the same way (records included) but is bound to a
 * single payload type, while the order's events are records of several unrelated types; this policy looks the
 * accessor up once per payload type. The identifier is the order id's string, the same value the order aggregate's
 * own events are sequenced by under the default policy, so it hashes alike in every JVM.
 */
class OrderIdSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    private static final String ORDER_ID = "orderId";

    private static final ClassValue<Optional<Property<Object>>> ORDER_ID_OF = new ClassValue<>() {
        @Override
        protected Optional<Property<Object>> computeValue(Class<?> payloadType) {
            return Optional.ofNullable(PropertyAccessStrategy.<Object>getProperty(payloadType, ORDER_ID));
        }
    };

    private final SequencingPolicy<? super EventMessage<?>> fallback = SequentialPerAggregatePolicy.instance();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        return ORDER_ID_OF
                .get(event.getPayloadType())
                .map(orderId -> orderId.<Object>getValue(payload))
                .<Object>map(Object::toString)
                .orElseGet(() -> fallback.getSequenceIdentifierFor(event));
    }
}
