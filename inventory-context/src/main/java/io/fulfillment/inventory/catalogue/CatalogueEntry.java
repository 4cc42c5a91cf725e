package io.fulfillment.inventory.catalogue;

import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.inventory.ProductView;
import io.fulfillment.contracts.kernel.Money;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One product of the catalogue read model. {@code lastSequence} is the sequence number of the last event of the
 * product applied to this entry: events at or below it are redeliveries and change nothing. Its one index serves the
 * whole catalogue, listed by name; products are otherwise read by {@code _id}.
 */
@Document(CatalogueEntry.COLLECTION)
@CompoundIndex(name = "by_name", def = "{'name': 1, '_id': 1}")
record CatalogueEntry(
        @Id String id, String name, Price unitPrice, int available, int reserved, int shipped, long lastSequence) {

    static final String COLLECTION = "inventory_catalogue";

    static final String NAME = "name";

    /** The amount is kept as its plain string so that it round-trips exactly, scale included. */
    record Price(String amount, String currency) {

        static Price of(Money money) {
            return new Price(money.amount().toPlainString(), money.currency());
        }

        Money toMoney() {
            return Money.of(amount, currency);
        }
    }

    /** Whether the product's event at {@code sequence} is already reflected here (redelivered or replayed). */
    boolean hasApplied(long sequence) {
        return sequence <= lastSequence;
    }

    /** This entry with its stock levels moved by the given amounts, after the product's event at {@code sequence}. */
    CatalogueEntry adjust(int availableChange, int reservedChange, int shippedChange, long sequence) {
        return new CatalogueEntry(
                id,
                name,
                unitPrice,
                available + availableChange,
                reserved + reservedChange,
                shipped + shippedChange,
                sequence);
    }

    ProductView toView() {
        return new ProductView(ProductId.of(id), name, unitPrice.toMoney(), available, reserved, shipped);
    }
}
