package gmplab.lessons;

import java.util.Locale;

/**
 * One answer a learner can pick. {@code value} is compared with the computed
 * answer's canonical text; {@code label}, if present, is what the learner sees.
 */
public record Choice(String value, Text label) {
    public String display(Locale locale) {
        return label == null ? value : label.in(locale);
    }
}
