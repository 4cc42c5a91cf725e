package io.fulfillment.shipping.tracking;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Which shipment carries an order's goods, keyed by order id so that finding a shipment by order is an {@code _id}
 * lookup (the embedded MongoDB has no secondary indexes).
 */
@Document(ShipmentByOrderDocument.COLLECTION)
record ShipmentByOrderDocument(@Id String orderId, String shipmentId) {

    static final String COLLECTION = "shipmentsByOrder";
}
