package io.fulfillment.psp;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Take {@code amount} from the customer; {@code reference} is the merchant's own id for the payment. */
record ChargeRequest(
        @NotBlank @Size(max = 200) String reference,
        @NotNull @Positive BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {

    /** Equal in meaning: {@code 10.0} and {@code 10.00} are the same amount. */
    boolean sameAs(ChargeRequest other) {
        return reference.equals(other.reference)
                && amount.compareTo(other.amount) == 0
                && currency.equals(other.currency);
    }
}
