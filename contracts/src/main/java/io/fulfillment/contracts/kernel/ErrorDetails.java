package io.fulfillment.contracts.kernel;

/** Machine-readable reason a command was refused, carried across JVMs inside command execution exceptions. */
public record ErrorDetails(ErrorKind kind, String code, String message) {}
