package io.fulfillment.shipping.testapp;

import io.fulfillment.shipping.ShippingConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** A deployable holding the shipping context alone, the way a service or the all-in-one launcher imports it. */
@SpringBootApplication
@Import(ShippingConfiguration.class)
public class ShippingTestApplication {}
