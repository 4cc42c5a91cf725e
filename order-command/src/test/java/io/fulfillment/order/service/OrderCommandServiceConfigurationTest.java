package io.fulfillment.order.service;

import io.fulfillment.chassis.defaults.ContextServiceConfigurationContract;

/** The order command service's effective configuration: the chassis' endpoints, its own database. */
class OrderCommandServiceConfigurationTest extends ContextServiceConfigurationContract {

    OrderCommandServiceConfigurationTest() {
        super(OrderCommandService.application(), "order-command", CHASSIS_ENDPOINTS);
    }
}
