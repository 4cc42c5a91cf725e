package io.fulfillment.archviolations.billing;

import org.springframework.http.ResponseEntity;

/** Planted violation: a message that depends on a web framework class. */
public record Invoice(ResponseEntity<String> body) {}
