package io.fulfillment.psp;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 422: an idempotency key names one request; sending another body under it is a caller bug, not a retry. */
class IdempotencyKeyReusedException extends ErrorResponseException {

    IdempotencyKeyReusedException(String key) {
        super(
                HttpStatus.UNPROCESSABLE_ENTITY,
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.UNPROCESSABLE_ENTITY,
                        "idempotency key " + key + " was already used for a different request"),
                null);
    }
}
