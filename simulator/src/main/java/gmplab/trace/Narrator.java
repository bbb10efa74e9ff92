package gmplab.trace;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Renders an event as a one-sentence explanation — the rule and the runtime
 * function — in English or Simplified Chinese, from the event's message key.
 */
public final class Narrator {
    /** The two languages every string exists in. */
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final ResourceBundle bundle;
    private final Locale locale;

    public Narrator(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("gmplab.trace.narration", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return locale;
    }

    /** True if there is a template for {@code key}. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The explanation of {@code e}. */
    public String narrate(Event e) {
        String template;
        try {
            template = bundle.getString(e.key());
        } catch (MissingResourceException ex) {
            return e.key() + " " + java.util.Arrays.toString(e.args());
        }
        template = template.replace("{g}", e.g() < 0 ? "-" : "G" + e.g())
                .replace("{m}", e.m() < 0 ? "-" : "M" + e.m())
                .replace("{p}", e.p() < 0 ? "-" : "P" + e.p());
        Object[] args = new Object[e.args().length];
        for (int i = 0; i < args.length; i++) args[i] = String.valueOf(e.args()[i]).strip();
        return new MessageFormat(template, locale).format(args);
    }
}
