package io.fulfillment.orderquery.summary;

import io.fulfillment.chassis.problem.DomainException;
import io.fulfillment.contracts.kernel.ErrorKind;

/** A page of orders was asked for with a negative page number or a size outside the allowed range. */
class InvalidPageException extends DomainException {

    InvalidPageException(int maxPageSize) {
        super(ErrorKind.UNPROCESSABLE, "order.invalid-page", "page must be >= 0 and size within 1.." + maxPageSize);
    }
}
