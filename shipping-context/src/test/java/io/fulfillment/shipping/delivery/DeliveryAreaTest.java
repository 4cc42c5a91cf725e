package io.fulfillment.shipping.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillment.contracts.kernel.ShippingAddress;
import io.fulfillment.contracts.shipping.DeliveryRefusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryAreaTest {

    private static final String BLANK = " ";

    private final DeliveryArea deliveryArea = DeliveryArea.standard();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT",
                "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"
            })
    void servesEveryEuropeanUnionCountry(String country) {
        assertThat(deliveryArea.canDeliverTo(addressIn(country))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"IS", "LI", "NO", "CH", "GB", "US", "CA"})
    void servesEuropeanEconomicAreaAndPartnerCountries(String country) {
        assertThat(deliveryArea.canDeliverTo(addressIn(country))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"BR", "AU", "JP", "CN", "MX", "XX"})
    void refusesCountriesOutsideTheArea(String country) {
        assertThat(deliveryArea.refusalFor(addressIn(country))).contains(DeliveryRefusal.COUNTRY_NOT_SERVED);
    }

    @Test
    void readsCountryCodesRegardlessOfCaseAndSpacing() {
        assertThat(deliveryArea.canDeliverTo(addressIn(" de "))).isTrue();
    }

    @Test
    void refusesAddressWithoutCountry() {
        assertThat(deliveryArea.refusalFor(addressIn(BLANK))).contains(DeliveryRefusal.NO_COUNTRY);
    }

    @Test
    void refusesAddressWithoutPostalCode() {
        ShippingAddress withoutPostalCode =
                new ShippingAddress("Ada Lovelace", "Bahnhofstrasse 1", BLANK, "Zürich", "CH");

        assertThat(deliveryArea.refusalFor(withoutPostalCode)).contains(DeliveryRefusal.NO_POSTAL_CODE);
    }

    private static ShippingAddress addressIn(String country) {
        return new ShippingAddress("Ada Lovelace", "Main Street 1", "12345", "Capital", country);
    }
}
