package io.fulfillment.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** The largest request body the gateway accepts; headers are bounded by {@code server.max-http-request-header-size}. */
@ConfigurationProperties("fulfillment.gateway.request-limits")
record RequestLimitProperties(@DefaultValue("64KB") DataSize maxBodySize) {}
