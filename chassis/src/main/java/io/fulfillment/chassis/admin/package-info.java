/** Operator endpoints shared by every service: event processor status, projection replay and dead letters. */
package io.fulfillment.chassis.admin;
