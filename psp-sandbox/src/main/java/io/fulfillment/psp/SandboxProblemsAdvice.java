package io.fulfillment.psp;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers the sandbox's own errors and Spring MVC's (missing header, invalid body, malformed JSON) as problem+json,
 * whether it runs alone or inside a host that brings its own advice: it only advises the sandbox's controllers and
 * goes first.
 */
@RestControllerAdvice(basePackageClasses = PspSandboxConfiguration.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SandboxProblemsAdvice extends ResponseEntityExceptionHandler {}
