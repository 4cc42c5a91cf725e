package io.fulfillment.psp;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 409: the caller reversed this charge key before any charge was made under it, so none is taken under it anymore. */
class ChargeReversedException extends ErrorResponseException {

    ChargeReversedException(String key) {
        super(
                HttpStatus.CONFLICT,
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.CONFLICT, "charges under idempotency key " + key + " were reversed"),
                null);
    }
}
