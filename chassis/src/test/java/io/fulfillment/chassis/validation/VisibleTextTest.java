package io.fulfillment.chassis.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class VisibleTextTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    record Name(@VisibleText String value) {}

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n", "\u202e\u200b", "\u200b", "\u00a0\u2007", "\ufeff", "\u034f", "\u2028"})
    void refusesValuesWithoutAVisibleCharacterAsBlank(String value) {
        Set<ConstraintViolation<Name>> violations = VALIDATOR.validate(new Name(value));

        assertThat(violations).singleElement().satisfies(violation -> assertThat(violation.getMessage())
                .isEqualTo("must not be blank"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ada", " Ada ", "\u200bAda", "東京", "é", "12", "-"})
    void acceptsValuesWithAVisibleCharacter(String value) {
        assertThat(VALIDATOR.validate(new Name(value))).isEmpty();
    }
}
