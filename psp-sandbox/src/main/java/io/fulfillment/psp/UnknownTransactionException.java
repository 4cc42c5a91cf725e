package io.fulfillment.psp;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404: a refund named a transaction this provider never made. */
class UnknownTransactionException extends ErrorResponseException {

    UnknownTransactionException(String transactionId) {
        super(
                HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no transaction " + transactionId),
                null);
    }
}
