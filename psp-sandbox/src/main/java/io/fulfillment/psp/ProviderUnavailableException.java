package io.fulfillment.psp;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 503: the caller may try again with the same idempotency key. */
class ProviderUnavailableException extends ErrorResponseException {

    ProviderUnavailableException(String detail) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail),
                null);
    }
}
