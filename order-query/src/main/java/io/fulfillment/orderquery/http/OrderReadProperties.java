package io.fulfillment.orderquery.http;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reads of one order.
 *
 * @param notFoundWait how long a read of an order the read side does not know waits for it to be projected before it
 *     answers 404 (read-your-writes right after the 202 of a placement); zero answers at once
 */
@ConfigurationProperties("fulfillment.order-query")
record OrderReadProperties(@DefaultValue("1500ms") Duration notFoundWait) {}
