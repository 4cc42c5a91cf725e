package io.fulfillment.archviolations.ordering;

import io.fulfillment.archviolations.billing.Invoice;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.web.bind.annotation.RestController;

/** Planted violation: an aggregate reaching into another context and into the web layer. */
@Aggregate
@RestController
class Basket {

    Invoice invoice;
}
