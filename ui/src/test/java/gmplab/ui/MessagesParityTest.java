package gmplab.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The English and Chinese bundles have the same keys, no empty values, and Chinese is really Chinese. */
class MessagesParityTest {
    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesParityTest.class.getResourceAsStream("/gmplab/ui/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bundlesHaveTheSameKeys() throws IOException {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_CN.properties");
        Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
        onlyEn.removeAll(zh.stringPropertyNames());
        Set<String> onlyZh = new TreeSet<>(zh.stringPropertyNames());
        onlyZh.removeAll(en.stringPropertyNames());
        assertEquals(Set.of(), onlyEn, "keys missing in messages_zh_CN.properties");
        assertEquals(Set.of(), onlyZh, "keys missing in messages.properties");
        for (String k : en.stringPropertyNames()) {
            assertFalse(en.getProperty(k).isBlank(), k);
            assertFalse(zh.getProperty(k).isBlank(), k);
        }
    }

    @Test
    void chineseBundleIsChinese() throws IOException {
        Properties zh = load("messages_zh_CN.properties");
        long withCjk = zh.stringPropertyNames().stream()
                .filter(k -> zh.getProperty(k).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .count();
        assertTrue(withCjk > zh.size() * 0.8, "most Chinese strings contain Han characters: " + withCjk + "/" + zh.size());
    }
}
