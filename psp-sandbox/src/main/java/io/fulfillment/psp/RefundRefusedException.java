package io.fulfillment.psp;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 422: the transaction exists but cannot be refunded as asked (declined, already refunded, more than was charged). */
class RefundRefusedException extends ErrorResponseException {

    RefundRefusedException(String detail) {
        super(
                HttpStatus.UNPROCESSABLE_ENTITY,
                ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, detail),
                null);
    }
}
