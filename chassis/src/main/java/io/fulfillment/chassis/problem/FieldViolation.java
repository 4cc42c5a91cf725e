package io.fulfillment.chassis.problem;

/** One entry of a 400 problem's {@code errors} array: which input was rejected and why. */
record FieldViolation(String field, String message) {}
