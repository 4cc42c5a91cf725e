package io.fulfillment.contracts.kernel;

/** Where an order's goods are delivered. */
public record ShippingAddress(String recipient, String street, String postalCode, String city, String country) {}
