package io.fulfillment.psp;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404: no charge was made under the idempotency key, or none yet (a request under it may still be on its way). */
class NoChargeUnderKeyException extends ErrorResponseException {

    NoChargeUnderKeyException(String key) {
        super(
                HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no charge under idempotency key " + key),
                null);
    }
}
