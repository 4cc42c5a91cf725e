package io.fulfillment.chassis.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * {@link NotBlank} for text people read: a value must hold at least one visible character. Whitespace, format
 * characters (zero-width space, bidi overrides such as U+202E), other control characters and lone combining marks
 * do not count, so {@code "\u202e\u200b"} is as blank as {@code " "}. Reported as "must not be blank".
 */
@NotBlank
@Pattern(regexp = VisibleText.HAS_A_VISIBLE_CHARACTER)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface VisibleText {

    /** Some character that is neither a separator (Z), nor a control, format or unassigned one (C), nor a mark (M). */
    String HAS_A_VISIBLE_CHARACTER = "(?s).*[^\\p{Z}\\p{C}\\p{M}].*";

    String message() default "{jakarta.validation.constraints.NotBlank.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
