package io.fulfillment.psp;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Give back {@code amount} of an approved charge. */
record RefundRequest(
        @NotBlank @Size(max = 200) String transactionId,
        @NotNull @Positive BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {

    boolean sameAs(RefundRequest other) {
        return transactionId.equals(other.transactionId)
                && amount.compareTo(other.amount) == 0
                && currency.equals(other.currency);
    }
}
