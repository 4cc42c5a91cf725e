package io.fulfillment.inventory.stock;

import static io.fulfillment.inventory.stock.ProductFixtures.ALICES_ORDER;
import static io.fulfillment.inventory.stock.ProductFixtures.BOBS_ORDER;
import static io.fulfillment.inventory.stock.ProductFixtures.DELIVERY_SIZE;
import static io.fulfillment.inventory.stock.ProductFixtures.FEW_UNITS;
import static io.fulfillment.inventory.stock.ProductFixtures.INITIAL_STOCK;
import static io.fulfillment.inventory.stock.ProductFixtures.KEYBOARD;
import static io.fulfillment.inventory.stock.ProductFixtures.KEYBOARD_NAME;
import static io.fulfillment.inventory.stock.ProductFixtures.KEYBOARD_PRICE;
import static io.fulfillment.inventory.stock.ProductFixtures.UNKNOWN_ORDER;
import static io.fulfillment.inventory.stock.ProductFixtures.commit;
import static io.fulfillment.inventory.stock.ProductFixtures.committed;
import static io.fulfillment.inventory.stock.ProductFixtures.keyboardRegistered;
import static io.fulfillment.inventory.stock.ProductFixtures.registerKeyboard;
import static io.fulfillment.inventory.stock.ProductFixtures.release;
import static io.fulfillment.inventory.stock.ProductFixtures.released;
import static io.fulfillment.inventory.stock.ProductFixtures.reservationRejected;
import static io.fulfillment.inventory.stock.ProductFixtures.reserve;
import static io.fulfillment.inventory.stock.ProductFixtures.reserved;
import static io.fulfillment.inventory.stock.ProductFixtures.restock;
import static io.fulfillment.inventory.stock.ProductFixtures.restocked;
import static io.fulfillment.inventory.stock.ProductFixtures.withdrawn;
import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillment.contracts.inventory.ProductRegisteredEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProductTest {

    private AggregateTestFixture<Product> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Product.class);
    }

    @Nested
    class RegisterProduct {

        @Test
        void registersProductWithItsPriceAndInitialStock() {
            fixture.givenNoPriorActivity().when(registerKeyboard()).expectEvents(keyboardRegistered());
        }

        @Test
        void registersProductWithoutStock() {
            fixture.givenNoPriorActivity()
                    .when(registerKeyboard(KEYBOARD_NAME, KEYBOARD_PRICE, 0))
                    .expectEvents(new ProductRegisteredEvent(KEYBOARD, KEYBOARD_NAME, KEYBOARD_PRICE, 0));
        }

        @Test
        void refusesNegativeInitialStock() {
            fixture.givenNoPriorActivity()
                    .when(registerKeyboard(KEYBOARD_NAME, KEYBOARD_PRICE, -1))
                    .expectException(InvalidStockQuantityException.class)
                    .expectExceptionMessage("Initial stock must not be negative, was -1")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void refusesBlankName(String blankName) {
            fixture.givenNoPriorActivity()
                    .when(registerKeyboard(blankName, KEYBOARD_PRICE, INITIAL_STOCK))
                    .expectException(InvalidProductDetailsException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesMissingName() {
            fixture.givenNoPriorActivity()
                    .when(registerKeyboard(null, KEYBOARD_PRICE, INITIAL_STOCK))
                    .expectException(InvalidProductDetailsException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesMissingPrice() {
            fixture.givenNoPriorActivity()
                    .when(registerKeyboard(KEYBOARD_NAME, null, INITIAL_STOCK))
                    .expectException(InvalidProductDetailsException.class)
                    .expectExceptionMessage("Product unit price is required")
                    .expectNoEvents();
        }
    }

    @Nested
    class RestockProduct {

        @Test
        void addsDeliveredUnitsToStock() {
            fixture.given(keyboardRegistered()).when(restock(DELIVERY_SIZE)).expectEvents(restocked(DELIVERY_SIZE));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -5})
        void refusesQuantityThatIsNotPositive(int quantity) {
            fixture.given(keyboardRegistered())
                    .when(restock(quantity))
                    .expectException(InvalidStockQuantityException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class ReserveStock {

        @Test
        void reservesUnitsWithinStock() {
            fixture.given(keyboardRegistered())
                    .when(reserve(ALICES_ORDER, FEW_UNITS))
                    .expectEvents(reserved(ALICES_ORDER, FEW_UNITS));
        }

        @Test
        void reservesExactlyAllStock() {
            fixture.given(keyboardRegistered())
                    .when(reserve(ALICES_ORDER, INITIAL_STOCK))
                    .expectEvents(reserved(ALICES_ORDER, INITIAL_STOCK));
        }

        @Test
        void rejectsReservationBeyondStockNamingWhatIsAvailable() {
            fixture.given(keyboardRegistered(), reserved(ALICES_ORDER, INITIAL_STOCK - 2))
                    .when(reserve(BOBS_ORDER, FEW_UNITS))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(reservationRejected(BOBS_ORDER, FEW_UNITS, 2));
        }

        @Test
        void rejectsReservationWhenNothingIsLeft() {
            fixture.given(keyboardRegistered(), reserved(ALICES_ORDER, INITIAL_STOCK))
                    .when(reserve(BOBS_ORDER, 1))
                    .expectEvents(reservationRejected(BOBS_ORDER, 1, 0));
        }

        @Test
        void reservesRestockedUnits() {
            int moreThanInitialStock = INITIAL_STOCK + DELIVERY_SIZE;
            fixture.given(keyboardRegistered(), restocked(DELIVERY_SIZE))
                    .when(reserve(ALICES_ORDER, moreThanInitialStock))
                    .expectEvents(reserved(ALICES_ORDER, moreThanInitialStock));
        }

        @Test
        void reservesUnitsAnotherOrderReleased() {
            fixture.given(
                            keyboardRegistered(),
                            reserved(ALICES_ORDER, INITIAL_STOCK),
                            released(ALICES_ORDER, INITIAL_STOCK))
                    .when(reserve(BOBS_ORDER, INITIAL_STOCK))
                    .expectEvents(reserved(BOBS_ORDER, INITIAL_STOCK));
        }

        @Test
        void ignoresRepeatedReservationForTheSameOrder() {
            fixture.given(keyboardRegistered(), reserved(ALICES_ORDER, FEW_UNITS))
                    .when(reserve(ALICES_ORDER, FEW_UNITS))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesAnotherQuantityForAnOrderThatAlreadyHoldsAReservation() {
            fixture.given(keyboardRegistered(), reserved(ALICES_ORDER, FEW_UNITS))
                    .when(reserve(ALICES_ORDER, FEW_UNITS + 1))
                    .expectException(ConflictingReservationException.class)
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1})
        void refusesQuantityThatIsNotPositive(int quantity) {
            fixture.given(keyboardRegistered())
                    .when(reserve(ALICES_ORDER, quantity))
                    .expectException(InvalidStockQuantityException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class ReleaseStock {

        @Test
        void returnsReservedUnitsToStock() {
            fixture.given(keyboardRegistered(), reserved(ALICES_ORDER, FEW_UNITS))
                    .when(release(ALICES_ORDER))
                    .expectEvents(released(ALICES_ORDER, FEW_UNITS));
        }

        @Test
        void withdrawsAReservationNotYetMadeSoThatItIsNeverMade() {
            fixture.given(keyboardRegistered(), reserved(ALICES_ORDER, FEW_UNITS))
                    .when(release(UNKNOWN_ORDER))
                    .expectEvents(withdrawn(UNKNOWN_ORDER));
        }

        @Test
        void ignoresAReservationThatArrivesAfterItsRelease() {
            fixture.given(keyboardRegistered(), withdrawn(ALICES_ORDER))
                    .when(reserve(ALICES_ORDER, FEW_UNITS))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectState(product -> assertThat(product.available()).isEqualTo(INITIAL_STOCK));
        }

        @Test
        void ignoresSecondWithdrawal() {
            fixture.given(keyboardRegistered(), withdrawn(ALICES_ORDER))
                    .when(release(ALICES_ORDER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void returnsNothingOnSecondReleaseOfTheSameReservation() {
            fixture.given(keyboardRegistered(), reserved(ALICES_ORDER, FEW_UNITS), released(ALICES_ORDER, FEW_UNITS))
                    .when(release(ALICES_ORDER))
                    .expectEvents(withdrawn(ALICES_ORDER))
                    .expectState(product -> assertThat(product.available()).isEqualTo(INITIAL_STOCK));
        }

        @Test
        void neverReturnsShippedUnits() {
            fixture.given(keyboardRegistered(), reserved(ALICES_ORDER, FEW_UNITS), committed(ALICES_ORDER, FEW_UNITS))
                    .when(release(ALICES_ORDER))
                    .expectEvents(withdrawn(ALICES_ORDER))
                    .expectState(product -> assertThat(product.shipped()).isEqualTo(FEW_UNITS));
        }
    }

    @Nested
    class CommitStock {

        @Test
        void shipsReservedUnits() {
            fixture.given(keyboardRegistered(), reserved(ALICES_ORDER, FEW_UNITS))
                    .when(commit(ALICES_ORDER))
                    .expectEvents(committed(ALICES_ORDER, FEW_UNITS));
        }

        @Test
        void ignoresUnknownReservation() {
            fixture.given(keyboardRegistered(), reserved(ALICES_ORDER, FEW_UNITS))
                    .when(commit(UNKNOWN_ORDER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void ignoresSecondCommitOfTheSameReservation() {
            fixture.given(keyboardRegistered(), reserved(ALICES_ORDER, FEW_UNITS), committed(ALICES_ORDER, FEW_UNITS))
                    .when(commit(ALICES_ORDER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void ignoresReleasedReservation() {
            fixture.given(keyboardRegistered(), reserved(ALICES_ORDER, FEW_UNITS), released(ALICES_ORDER, FEW_UNITS))
                    .when(commit(ALICES_ORDER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class StockLevels {

        private static final int RECEIVED = INITIAL_STOCK + DELIVERY_SIZE;

        @Test
        void accountForEveryUnitWhileReservationsAreOpen() {
            fixture.given(keyboardRegistered(), restocked(DELIVERY_SIZE), reserved(ALICES_ORDER, FEW_UNITS))
                    .when(reserve(BOBS_ORDER, 4))
                    .expectState(product -> {
                        assertThat(product.available()).isEqualTo(RECEIVED - FEW_UNITS - 4);
                        assertThat(product.reserved()).isEqualTo(FEW_UNITS + 4);
                        assertThat(product.shipped()).isZero();
                        assertThat(product.available() + product.reserved() + product.shipped())
                                .isEqualTo(RECEIVED);
                    });
        }

        @Test
        void accountForEveryUnitOnceReservationsEnd() {
            fixture.given(
                            keyboardRegistered(),
                            restocked(DELIVERY_SIZE),
                            reserved(ALICES_ORDER, FEW_UNITS),
                            reserved(BOBS_ORDER, 4),
                            committed(ALICES_ORDER, FEW_UNITS))
                    .when(release(BOBS_ORDER))
                    .expectState(product -> {
                        assertThat(product.available()).isEqualTo(RECEIVED - FEW_UNITS);
                        assertThat(product.reserved()).isZero();
                        assertThat(product.shipped()).isEqualTo(FEW_UNITS);
                        assertThat(product.available() + product.reserved() + product.shipped())
                                .isEqualTo(RECEIVED);
                    });
        }
    }
}
