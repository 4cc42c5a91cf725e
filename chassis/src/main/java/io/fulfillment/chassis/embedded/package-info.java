/**
 * The embedded mode (the default, {@code fulfillment.mode} not {@code distributed}): one H2 file database holds Axon's
 * events, tokens, sagas and dead letters (JDBC) and the saga deadlines (db-scheduler). Nothing here is active in the
 * distributed mode.
 */
package io.fulfillment.chassis.embedded;
