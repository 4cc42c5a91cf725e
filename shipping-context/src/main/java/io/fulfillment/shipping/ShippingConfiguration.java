package io.fulfillment.shipping;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Everything the shipping context contributes to an application that hosts it: importing this one class brings the
 * shipment aggregate, its read model, queries and REST API.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class ShippingConfiguration {}
