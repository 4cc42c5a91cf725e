package io.fulfillment.shipping.delivery;

import io.fulfillment.contracts.kernel.ShippingAddress;
import io.fulfillment.contracts.shipping.DeliveryRefusal;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the carrier delivers: a set of served countries (ISO 3166-1 alpha-2 codes). An address is deliverable when its
 * country is served and it has a postal code; anything else is refused with the reason's code, which the customer can act on.
 */
final class DeliveryArea {

    private static final Set<String> EUROPEAN_UNION = Set.of(
            "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU",
            "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");
    private static final Set<String> REST_OF_EUROPEAN_ECONOMIC_AREA = Set.of("IS", "LI", "NO");
    private static final Set<String> PARTNER_COUNTRIES = Set.of("CH", "GB", "US", "CA");

    private static final DeliveryArea STANDARD =
            new DeliveryArea(Stream.of(EUROPEAN_UNION, REST_OF_EUROPEAN_ECONOMIC_AREA, PARTNER_COUNTRIES)
                    .flatMap(Set::stream)
                    .collect(Collectors.toUnmodifiableSet()));

    private final Set<String> servedCountries;

    DeliveryArea(Set<String> servedCountries) {
        this.servedCountries =
                servedCountries.stream().map(DeliveryArea::normalised).collect(Collectors.toUnmodifiableSet());
    }

    /** The area served today: the EU and EEA countries plus Switzerland, the United Kingdom, the US and Canada. */
    static DeliveryArea standard() {
        return STANDARD;
    }

    /** Why goods cannot be delivered to the address, or empty when they can. */
    Optional<DeliveryRefusal> refusalFor(ShippingAddress address) {
        if (address == null) {
            return Optional.of(DeliveryRefusal.NO_ADDRESS);
        }
        if (!hasCountry(address)) {
            return Optional.of(DeliveryRefusal.NO_COUNTRY);
        }
        if (!serves(address.country())) {
            return Optional.of(DeliveryRefusal.COUNTRY_NOT_SERVED);
        }
        if (!hasPostalCode(address)) {
            return Optional.of(DeliveryRefusal.NO_POSTAL_CODE);
        }
        return Optional.empty();
    }

    boolean canDeliverTo(ShippingAddress address) {
        return refusalFor(address).isEmpty();
    }

    boolean serves(String country) {
        return country != null && servedCountries.contains(normalised(country));
    }

    private static boolean hasCountry(ShippingAddress address) {
        return address.country() != null && !address.country().isBlank();
    }

    private static boolean hasPostalCode(ShippingAddress address) {
        return address.postalCode() != null && !address.postalCode().isBlank();
    }

    private static String normalised(String country) {
        return country.strip().toUpperCase(Locale.ROOT);
    }
}
