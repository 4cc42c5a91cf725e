package io.fulfillment.contracts.inventory;

import io.fulfillment.contracts.order.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Turns an order's reservation into shipped units once its shipment leaves the warehouse. */
public record CommitStockCommand(@TargetAggregateIdentifier ProductId productId, OrderId orderId) {}
