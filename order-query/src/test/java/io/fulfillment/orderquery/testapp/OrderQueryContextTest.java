package io.fulfillment.orderquery.testapp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The one Spring context every integration test of the module shares: the test application on a random port. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = OrderQueryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
public @interface OrderQueryContextTest {}
