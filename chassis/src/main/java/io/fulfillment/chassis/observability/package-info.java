/** Health, metrics and traces of every deployable that uses the chassis: the wiring libraries leave to us. */
package io.fulfillment.chassis.observability;
