package io.fulfillment.chassis.problem;

import io.fulfillment.contracts.kernel.ErrorDetails;
import io.grpc.StatusRuntimeException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place exceptions become RFC 9457 {@code application/problem+json}. Spring's own MVC failures (malformed
 * JSON, type mismatches, missing parameters, unknown routes, wrong methods) come from
 * {@link ResponseEntityExceptionHandler}; validation failures are 400 with an {@code errors} array of
 * {@code {field, message}}; business refusals map their {@code ErrorKind} to 404/409/422 with their {@code code}; a
 * service the request needs being unavailable (no handler connected, Axon Server unreachable) is 503 with
 * {@code Retry-After}. Anything else is left to Spring Boot: no exception message ever leaks into a 500.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    static final String CODE = "code";
    static final String ERRORS = "errors";
    private static final String INVALID_REQUEST = "Invalid request content.";
    private static final String NOT_COMPLETED = "The request could not be completed.";
    private static final String UNAVAILABLE = "A service this request needs is unavailable; try again shortly.";
    private static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler({
        DomainException.class,
        HandlerExecutionException.class,
        AggregateNotFoundException.class,
        CompletionException.class,
        NoHandlerForCommandException.class,
        NoHandlerForQueryException.class,
        AxonServerException.class,
        StatusRuntimeException.class
    })
    ResponseEntity<Object> handleRefusal(Exception exception, WebRequest request) {
        return Refusals.find(exception)
                .map(details -> refusal(exception, details, request))
                .orElseGet(() -> Unavailability.isUnavailable(exception)
                        ? unavailable(exception, request)
                        : unexplained(exception, request));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException exception, WebRequest request) {
        List<FieldViolation> errors = exception.getConstraintViolations().stream()
                .map(violation -> new FieldViolation(field(violation), violation.getMessage()))
                .toList();
        return badRequest(exception, errors, new HttpHeaders(), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> errors = new ArrayList<>();
        exception.getBindingResult().getFieldErrors().forEach(error -> errors.add(violation(error)));
        exception
                .getBindingResult()
                .getGlobalErrors()
                .forEach(error -> errors.add(new FieldViolation(error.getObjectName(), error.getDefaultMessage())));
        return badRequest(exception, errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException exception,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        List<FieldViolation> errors = new ArrayList<>();
        for (ParameterValidationResult result : exception.getParameterValidationResults()) {
            if (result instanceof ParameterErrors parameterErrors) {
                parameterErrors.getFieldErrors().forEach(error -> errors.add(violation(error)));
            } else {
                String parameter = result.getMethodParameter().getParameterName();
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    errors.add(new FieldViolation(parameter, error.getDefaultMessage()));
                }
            }
        }
        return badRequest(exception, errors, headers, request);
    }

    private ResponseEntity<Object> refusal(Exception exception, ErrorDetails details, WebRequest request) {
        HttpStatus status = Refusals.status(details.kind());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, details.message());
        problem.setProperty(CODE, details.code());
        return handleExceptionInternal(exception, problem, new HttpHeaders(), status, request);
    }

    private ResponseEntity<Object> unavailable(Exception exception, WebRequest request) {
        log.warn("Request failed: a service it needs is unavailable: {}", exception.toString());
        HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return handleExceptionInternal(
                exception, ProblemDetail.forStatusAndDetail(status, UNAVAILABLE), headers, status, request);
    }

    private ResponseEntity<Object> unexplained(Exception exception, WebRequest request) {
        log.error("Request failed without a business reason", exception);
        HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
        return handleExceptionInternal(
                exception, ProblemDetail.forStatusAndDetail(status, NOT_COMPLETED), new HttpHeaders(), status, request);
    }

    private ResponseEntity<Object> badRequest(
            Exception exception, List<FieldViolation> errors, HttpHeaders headers, WebRequest request) {
        HttpStatus status = HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, INVALID_REQUEST);
        problem.setProperty(ERRORS, errors);
        return handleExceptionInternal(exception, problem, headers, status, request);
    }

    private static FieldViolation violation(FieldError error) {
        return new FieldViolation(error.getField(), error.getDefaultMessage());
    }

    /** The property path without the method node that method validation puts first. */
    private static String field(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
        while (nodes.hasNext()) {
            Path.Node node = nodes.next();
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            names.add(node.getName());
        }
        return String.join(".", names);
    }
}
