/**
 * The ops console: one static page ({@code /console}) that watches and drives the system through the gateway's own
 * API, so it works wherever the gateway does (ADR 0012).
 */
package io.fulfillment.gateway.console;
