package app.phare.common;

import java.math.BigDecimal;

/** Numbers typed into page forms: blank is "not given", a comma is a decimal point, anything else is a 400 naming the field. */
public final class FormValues {

    private FormValues() {
    }

    public static BigDecimal decimal(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(field, "'" + value + "' is not a number");
        }
    }

    public static Long whole(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(field, "'" + value + "' is not a whole number");
        }
    }
}
