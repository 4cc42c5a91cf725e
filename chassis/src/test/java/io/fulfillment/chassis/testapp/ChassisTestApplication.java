package io.fulfillment.chassis.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal deployable that uses nothing but the chassis auto-configurations, to prove their wiring. */
@SpringBootApplication
public class ChassisTestApplication {}
