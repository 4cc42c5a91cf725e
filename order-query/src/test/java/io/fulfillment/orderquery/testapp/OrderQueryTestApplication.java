package io.fulfillment.orderquery.testapp;

import io.fulfillment.orderquery.OrderQueryConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The order query context alone on the embedded stores, fed by events the tests append to the event store. */
@SpringBootApplication
@Import(OrderQueryConfiguration.class)
public class OrderQueryTestApplication {}
