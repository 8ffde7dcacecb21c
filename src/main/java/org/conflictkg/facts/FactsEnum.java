package org.conflictkg.facts;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A closed list of values in facts@1; {@link #code()} is the JSON spelling. */
public interface FactsEnum {
    String code();

    /** The constant spelled {@code code}, or null. */
    static <E extends Enum<E> & FactsEnum> E fromCode(Class<E> type, String code) {
        return type.cast(Codes.BY_TYPE.get(type).get(code));
    }

    /** The constants of each closed list by spelling, made once per type. */
    final class Codes {
        private static final ClassValue<Map<String, Object>> BY_TYPE = new ClassValue<>() {
            @Override
            protected Map<String, Object> computeValue(Class<?> type) {
                Map<String, Object> byCode = new HashMap<>();
                for (Object e : type.getEnumConstants()) {
                    byCode.putIfAbsent(((FactsEnum) e).code(), e);
                }
                return Map.copyOf(byCode);
            }
        };

        private Codes() {
        }
    }

    /** The spellings, for error messages: {@code "a", "b" or "c"}. */
    static <E extends Enum<E> & FactsEnum> String codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> "\"" + e.code() + "\"")
                .collect(Collectors.joining(", "));
    }
}
