package io.fulfillment.chassis.defaults;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the defaults file a bounded context brings to whichever application hosts it (its own service, the
 * all-in-one, a test application): a YAML resource on the classpath, e.g. {@code config/payment-context.yml}.
 *
 * <p>Put on the context's configuration class. An application whose sources import that class, directly or through
 * other imports, gets the file as a property source of low precedence: above the chassis' and the mode's defaults,
 * below the application's own configuration files, the environment and the arguments (ADR 0014). That is the
 * opposite of {@code spring.config.import}, whose imported file overrides the file that imports it.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ContextDefaults {

    /** The YAML file's location on the classpath. */
    String value();
}
