package io.fulfillment.contracts.inventory;

import java.util.List;

/** The products a catalogue query found. */
public record ProductCatalogue(List<ProductView> products) {}
