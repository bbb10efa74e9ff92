package gmplab.ui.i18n;

import gmplab.trace.Narrator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The one localisation helper: every UI string goes through {@link #tr} or
 * {@link #bind}. The language is an observable property, so the whole window
 * switches live. Bundles: {@code gmplab/ui/messages[_zh_CN].properties}
 * (a test keeps their keys in step).
 */
public final class I18n {
    public static final String BUNDLE = "gmplab.ui.messages";

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(Narrator.ENGLISH);
    private ResourceBundle bundle;
    private Narrator narrator;
    private Locale loaded;

    public I18n(Locale initial) {
        locale.set(initial);
    }

    /** "en" or "zh" (also "zh-CN", "zh_CN") to a supported locale; English otherwise. */
    public static Locale parse(String lang) {
        return lang != null && lang.toLowerCase(Locale.ROOT).startsWith("zh") ? Narrator.CHINESE : Narrator.ENGLISH;
    }

    /** Loads the bundles of the current locale if they are not loaded (bindings may ask before listeners run). */
    private void ensureLoaded() {
        Locale l = locale.get();
        if (l.equals(loaded)) return;
        loaded = l;
        bundle = ResourceBundle.getBundle(BUNDLE, l,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        narrator = new Narrator(l);
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    public void setLocale(Locale l) {
        locale.set(l);
    }

    public boolean isChinese() {
        return locale.get().getLanguage().equals("zh");
    }

    /** The narrator of the current language. */
    public Narrator narrator() {
        ensureLoaded();
        return narrator;
    }

    /** The translation of {@code key}, formatted with {@code args} (MessageFormat). */
    public String tr(String key, Object... args) {
        ensureLoaded();
        String t;
        try {
            t = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? t : new MessageFormat(t, locale.get()).format(args);
    }

    /** A binding that follows the language. */
    public StringBinding bind(String key, Object... args) {
        return Bindings.createStringBinding(() -> tr(key, args), locale);
    }
}
