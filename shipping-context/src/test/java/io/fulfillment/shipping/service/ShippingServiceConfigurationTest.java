package io.fulfillment.shipping.service;

import io.fulfillment.chassis.defaults.ContextServiceConfigurationContract;

/** The shipping service's effective configuration: the chassis' endpoints, its own database. */
class ShippingServiceConfigurationTest extends ContextServiceConfigurationContract {

    ShippingServiceConfigurationTest() {
        super(ShippingService.application(), "shipping", CHASSIS_ENDPOINTS);
    }
}
