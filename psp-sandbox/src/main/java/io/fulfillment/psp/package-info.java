/**
 * A stand-in for an external payment service provider (PSP). It charges and refunds over HTTP, remembers every answer
 * under the caller's idempotency key, across restarts, so that a retried call never moves money twice, tells a caller
 * that lost its answers which charge it made under a key, reverses a charge key (refund what was taken, take nothing
 * more under it), and lets tests and operators inject latency, errors, lost responses, declines and a full outage at
 * runtime. It shares no code with the fulfillment system: the system reaches it only over HTTP, as it would a real
 * provider.
 */
package io.fulfillment.psp;
