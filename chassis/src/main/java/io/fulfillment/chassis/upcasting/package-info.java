/**
 * The history of the contracts' stored shapes: one upcaster per event whose shape changed, turning the stored JSON of
 * its old revision into the next one before it is deserialized, for every reader of the event store (aggregates,
 * processors, sagas) in both modes. The rules for changing a message are in ADR 0018.
 */
package io.fulfillment.chassis.upcasting;
