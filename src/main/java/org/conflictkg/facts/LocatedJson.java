package org.conflictkg.facts;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A JSON tree read with Jackson's streaming parser that remembers where each value began, by JSON
 * pointer, so that later checks can report line and column. Repeated member names are reported
 * as problems (Jackson's tree model would silently keep the last one).
 */
final class LocatedJson {
    /** Line and column (1-based) of a value's first character. */
    record Position(long line, long column) {
    }

    private final JsonNode root;
    private final Map<String, Position> positions;

    private LocatedJson(JsonNode root, Map<String, Position> positions) {
        this.root = root;
        this.positions = positions;
    }

    JsonNode root() {
        return root;
    }

    /**
     * Where the value at {@code pointer} starts; for a missing member, its nearest present ancestor.
     * Line and column 0 if the tree was read without positions.
     */
    Position position(String pointer) {
        if (positions == null) {
            return UNKNOWN;
        }
        String p = pointer;
        while (true) {
            Position pos = positions.get(p);
            if (pos != null || p.isEmpty()) {
                return pos == null ? new Position(0, 0) : pos;
            }
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "" : p.substring(0, slash);
        }
    }

    /**
     * Reads the value at the parser's current token (which must be a value start).
     *
     * @param duplicateKey called with the pointer of each repeated member name
     */
    static LocatedJson read(JsonParser parser, java.util.function.BiConsumer<String, Position> duplicateKey)
            throws IOException {
        return read(parser, true, duplicateKey);
    }

    /**
     * As {@link #read(JsonParser, java.util.function.BiConsumer)}; without {@code locate}, no
     * positions are kept (every position is unknown) and repeated member names are still reported,
     * with an unknown position: for a first, cheap reading of a document that is read again with
     * positions if it has any problem.
     */
    static LocatedJson read(JsonParser parser, boolean locate,
                            java.util.function.BiConsumer<String, Position> duplicateKey) throws IOException {
        Map<String, Position> positions = locate ? new HashMap<>() : null;
        JsonNode root = readValue(parser, "", positions, duplicateKey);
        return new LocatedJson(root, positions);
    }

    private static final Position UNKNOWN = new Position(0, 0);

    /**
     * The value at the current token. With {@code positions}, each value's position is kept under
     * its JSON pointer; without (null), no pointers are built and a repeated member name is
     * reported as {@code /name} at an unknown position.
     */
    private static JsonNode readValue(JsonParser p, String pointer, Map<String, Position> positions,
                                      java.util.function.BiConsumer<String, Position> duplicateKey)
            throws IOException {
        if (positions != null) {
            positions.put(pointer, position(p.currentTokenLocation()));
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                ObjectNode obj = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    Position at = positions == null ? UNKNOWN : position(p.currentTokenLocation());
                    String child = positions == null ? null : pointer + "/" + escape(name);
                    p.nextToken();
                    JsonNode value = readValue(p, child, positions, duplicateKey);
                    if (obj.replace(name, value) != null) {
                        duplicateKey.accept(child == null ? "/" + escape(name) : child, at);
                    }
                }
                return obj;
            }
            case START_ARRAY -> {
                ArrayNode arr = f.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    arr.add(readValue(p, positions == null ? null : pointer + "/" + i, positions, duplicateKey));
                    i++;
                }
                return arr;
            }
            default -> {
                return scalar(p, f, t);
            }
        }
    }

    private static Position position(JsonLocation loc) {
        return new Position(loc.getLineNr(), loc.getColumnNr());
    }

    private static JsonNode scalar(JsonParser p, JsonNodeFactory f, JsonToken t) throws IOException {
        switch (t) {
            case VALUE_STRING -> {
                return f.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return f.numberNode(p.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return f.numberNode(p.getDecimalValue());
            }
            case VALUE_TRUE -> {
                return f.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return f.booleanNode(false);
            }
            case VALUE_NULL -> {
                return f.nullNode();
            }
            default -> throw new IllegalStateException("unexpected token " + t);
        }
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
