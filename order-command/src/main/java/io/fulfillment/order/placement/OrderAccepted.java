package io.fulfillment.order.placement;

/** The answer to an accepted order command: which order it concerns and where to follow it. */
record OrderAccepted(String orderId, String status) {}
