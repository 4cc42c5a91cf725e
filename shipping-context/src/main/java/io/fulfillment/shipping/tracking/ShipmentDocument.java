package io.fulfillment.shipping.tracking;

import io.fulfillment.contracts.kernel.ShippingAddress;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.shipping.ShipmentId;
import io.fulfillment.contracts.shipping.ShipmentItem;
import io.fulfillment.contracts.shipping.ShipmentStatus;
import io.fulfillment.contracts.shipping.ShipmentView;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One shipment in the read model; {@code lastSequence} is the aggregate sequence of the last event applied. */
@Document(ShipmentDocument.COLLECTION)
record ShipmentDocument(
        @Id String id,
        String orderId,
        ShipmentStatus status,
        ShippingAddress address,
        List<ShipmentItem> items,
        String reason,
        long lastSequence) {

    static final String COLLECTION = "shipments";

    /** Whether the event at {@code sequence} is already reflected here (replayed or redelivered). */
    boolean hasApplied(long sequence) {
        return sequence <= lastSequence;
    }

    ShipmentDocument moveTo(ShipmentStatus newStatus, String newReason, long sequence) {
        return new ShipmentDocument(id, orderId, newStatus, address, items, newReason, sequence);
    }

    ShipmentDocument moveTo(ShipmentStatus newStatus, long sequence) {
        return moveTo(newStatus, reason, sequence);
    }

    ShipmentView toView() {
        return new ShipmentView(
                ShipmentId.of(id), OrderId.of(orderId), status, address, items == null ? List.of() : items, reason);
    }
}
