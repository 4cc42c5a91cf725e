package io.fulfillment.inventory.catalogue;

import io.fulfillment.contracts.kernel.Money;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.util.Currency;

/** A unit price as clients send it; valid only when it can become a {@link Money} without rounding. */
@PriceRequest.ValidPrice
record PriceRequest(
        @NotNull @Positive @DecimalMax("1000000.00") @Digits(integer = 7, fraction = MAX_DECIMALS) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code of three upper-case letters")
                String currency) {

    static final int MAX_DECIMALS = 2;

    Money toMoney() {
        return new Money(amount, currency);
    }

    /**
     * The currency is one {@link Currency} knows and has a minor unit, and the amount has no more decimals than that
     * unit allows (none for JPY). Reported on the offending field.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = Validator.class)
    @interface ValidPrice {
        String message() default "is not a valid price";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    static class Validator implements ConstraintValidator<ValidPrice, PriceRequest> {

        @Override
        public boolean isValid(PriceRequest price, ConstraintValidatorContext context) {
            if (price == null || price.currency() == null || !price.currency().matches("[A-Z]{3}")) {
                return true; // the field constraints report these
            }
            int minorDigits = minorDigitsOf(price.currency());
            if (minorDigits < 0) {
                return violation(context, "currency", "is not a currency known to ISO 4217");
            }
            if (price.amount() != null && hasTooManyDecimals(price.amount(), minorDigits)) {
                return violation(
                        context, "amount", "must have at most " + minorDigits + " decimals in " + price.currency());
            }
            return true;
        }

        /** Beyond two decimals {@code @Digits} already complains; this catches currencies with fewer. */
        private static boolean hasTooManyDecimals(BigDecimal amount, int minorDigits) {
            int decimals = Math.max(0, amount.stripTrailingZeros().scale());
            return decimals > minorDigits && decimals <= MAX_DECIMALS;
        }

        /** The currency's decimals, or -1 when it is unknown or has no minor unit (gold, test codes). */
        private static int minorDigitsOf(String code) {
            try {
                return Currency.getInstance(code).getDefaultFractionDigits();
            } catch (IllegalArgumentException unknown) {
                return -1;
            }
        }

        private static boolean violation(ConstraintValidatorContext context, String field, String message) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message)
                    .addPropertyNode(field)
                    .addConstraintViolation();
            return false;
        }
    }
}
