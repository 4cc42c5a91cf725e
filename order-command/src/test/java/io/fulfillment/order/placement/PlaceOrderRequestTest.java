package io.fulfillment.order.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class PlaceOrderRequestTest {

    private static final String INVISIBLE = "\u202e\u200b";
    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void treatsNamesAndAddressesOfInvisibleCharactersAsBlank() {
        PlaceOrderRequest request = new PlaceOrderRequest(
                INVISIBLE,
                List.of(new PlaceOrderRequest.Line(INVISIBLE, 1)),
                new PlaceOrderRequest.Address(INVISIBLE, INVISIBLE, INVISIBLE, INVISIBLE, "GB"));

        assertThat(VALIDATOR.validate(request))
                .extracting(violation -> violation.getPropertyPath().toString(), ConstraintViolation::getMessage)
                .containsExactlyInAnyOrder(
                        tuple("customerId", "must not be blank"),
                        tuple("lines[0].productId", "must not be blank"),
                        tuple("shippingAddress.recipient", "must not be blank"),
                        tuple("shippingAddress.street", "must not be blank"),
                        tuple("shippingAddress.postalCode", "must not be blank"),
                        tuple("shippingAddress.city", "must not be blank"));
    }

    @Test
    void acceptsAnOrdinaryRequest() {
        PlaceOrderRequest request = new PlaceOrderRequest(
                "customer-ada",
                List.of(new PlaceOrderRequest.Line("keyboard", 1)),
                new PlaceOrderRequest.Address("Ada Lovelace", "12 St James Square", "SW1Y 4JH", "London", "GB"));

        assertThat(VALIDATOR.validate(request)).isEmpty();
    }
}
