package io.fulfillment.chassis.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Turns one event type's stored JSON payload from one revision into the next, on Jackson's tree (the intermediate
 * representation the Jackson serializer converts to), leaving every other event alone.
 */
abstract class PayloadRevisionUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final SimpleSerializedType to;

    /** @param fromRevision the revision upcast, {@code null} for events stored before the type had a revision */
    PayloadRevisionUpcaster(Class<?> payloadType, String fromRevision, String toRevision) {
        this.from = new SimpleSerializedType(payloadType.getName(), fromRevision);
        this.to = new SimpleSerializedType(payloadType.getName(), toRevision);
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return from.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(to, JsonNode.class, payload -> {
            ObjectNode next = payload.deepCopy();
            upcast(next);
            return next;
        });
    }

    /** Changes the old revision's payload, in place, into the new one's. */
    abstract void upcast(ObjectNode payload);
}
