/**
 * The distributed mode ({@code fulfillment.mode=distributed}): Axon Server for events, commands and queries, and each
 * service's own MongoDB database for Axon's tokens, sagas and dead letters, JobRunr's deadlines and the read models.
 * Nothing here is active in the embedded default.
 */
package io.fulfillment.chassis.distributed;
