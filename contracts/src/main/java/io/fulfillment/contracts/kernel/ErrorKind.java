package io.fulfillment.contracts.kernel;

/** The class of a refusal, which decides the HTTP status it maps to at the edge. */
public enum ErrorKind {
    /** The addressed aggregate or resource does not exist. */
    NOT_FOUND,
    /** The request clashes with the current state of the aggregate. */
    CONFLICT,
    /** The request is well-formed but violates a business rule. */
    UNPROCESSABLE
}
