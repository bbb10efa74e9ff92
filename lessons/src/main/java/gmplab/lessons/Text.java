package gmplab.lessons;

import java.util.Locale;
import java.util.Map;

/**
 * A text in every language a lesson is written in: {@code en} and {@code zh-CN}.
 * May use a small Markdown subset: {@code *emphasis*}, {@code **strong**},
 * {@code `code`}, and lines starting with {@code - } as list items.
 */
public record Text(Map<String, String> byLanguage) {
    /** The languages every text must exist in. */
    public static final java.util.List<String> LANGUAGES = java.util.List.of("en", "zh-CN");

    public Text {
        byLanguage = Map.copyOf(byLanguage);
    }

    public static Text of(String en, String zh) {
        return new Text(Map.of("en", en, "zh-CN", zh));
    }

    /** The text for {@code locale}: Chinese for any {@code zh} locale, English otherwise. */
    public String in(Locale locale) {
        String lang = locale != null && locale.getLanguage().equals("zh") ? "zh-CN" : "en";
        String s = byLanguage.get(lang);
        return s != null ? s : byLanguage.getOrDefault("en", "");
    }

    /** The text with every {@code {{expr}}} replaced (quiz variants). */
    Text render(Map<String, Long> params) {
        if (params.isEmpty()) return this;
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        byLanguage.forEach((k, v) -> m.put(k, Template.render(v, params)));
        return new Text(m);
    }
}
