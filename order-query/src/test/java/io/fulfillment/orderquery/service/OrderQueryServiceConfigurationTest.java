package io.fulfillment.orderquery.service;

import io.fulfillment.chassis.defaults.ContextServiceConfigurationContract;

/** The order query service's effective configuration: the chassis' endpoints, its own database. */
class OrderQueryServiceConfigurationTest extends ContextServiceConfigurationContract {

    OrderQueryServiceConfigurationTest() {
        super(OrderQueryService.application(), "order-query", CHASSIS_ENDPOINTS);
    }
}
