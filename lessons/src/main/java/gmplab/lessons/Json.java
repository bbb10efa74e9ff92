package gmplab.lessons;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON tree that remembers where each value starts (Jackson's
 * {@link JsonLocation}), so a lesson's semantic errors — an unknown step kind, a
 * query that does not parse — can be reported at their line and column, not just
 * its syntax errors. Read with Jackson's streaming parser; values are
 * {@code Map<String, Json>}, {@code List<Json>}, {@code String}, {@code Number},
 * {@code Boolean} or null.
 */
final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    final Object value;
    final int line;
    final int column;

    private Json(Object value, int line, int column) {
        this.value = value;
        this.line = line;
        this.column = column;
    }

    /** Thrown for malformed JSON: the message and Jackson's location. */
    static final class SyntaxError extends Exception {
        final int line;
        final int column;

        SyntaxError(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    static Json parse(String text) throws SyntaxError {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) throw new SyntaxError("empty file", 1, 1);
            Json root = read(p);
            if (p.nextToken() != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new SyntaxError("unexpected content after the end of the object", l.getLineNr(), l.getColumnNr());
            }
            return root;
        } catch (JsonParseException e) {
            JsonLocation l = e.getLocation();
            String msg = e.getOriginalMessage();
            throw new SyntaxError(msg, l == null ? 1 : l.getLineNr(), l == null ? 1 : l.getColumnNr());
        } catch (IOException e) {
            throw new SyntaxError(e.getMessage(), 1, 1);
        }
    }

    private static Json read(JsonParser p) throws IOException {
        JsonLocation l = p.currentTokenLocation();
        int line = l.getLineNr();
        int col = l.getColumnNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Json> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    m.put(name, read(p));
                }
                return new Json(m, line, col);
            }
            case START_ARRAY -> {
                List<Json> a = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) a.add(read(p));
                return new Json(a, line, col);
            }
            case VALUE_STRING -> {
                return new Json(p.getText(), line, col);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Json(p.getNumberValue(), line, col);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Json(t == JsonToken.VALUE_TRUE, line, col);
            }
            case VALUE_NULL -> {
                return new Json(null, line, col);
            }
            default -> throw new JsonParseException(p, "unexpected token " + t);
        }
    }

    boolean isObject() {
        return value instanceof Map;
    }

    @SuppressWarnings("unchecked")
    Map<String, Json> object() {
        return (Map<String, Json>) value;
    }

    @SuppressWarnings("unchecked")
    List<Json> array() {
        return (List<Json>) value;
    }

    Json get(String field) {
        return isObject() ? object().get(field) : null;
    }

    String kindName() {
        if (value == null) return "null";
        if (value instanceof Map) return "an object";
        if (value instanceof List) return "an array";
        if (value instanceof String) return "a string";
        if (value instanceof Number) return "a number";
        return "a boolean";
    }
}
