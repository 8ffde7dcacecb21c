package org.conflictkg.facts;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A closed list of values in facts@1; {@link #code()} is the JSON spelling. */
public interface FactsEnum {
    String code();

    /** The constant spelled {@code code}, or null. */
    static <E extends Enum<E> & FactsEnum> E fromCode(Class<E> type, String code) {
        for (E e : type.getEnumConstants()) {
            if (e.code().equals(code)) {
                return e;
            }
        }
        return null;
    }

    /** The spellings, for error messages: {@code "a", "b" or "c"}. */
    static <E extends Enum<E> & FactsEnum> String codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> "\"" + e.code() + "\"")
                .collect(Collectors.joining(", "));
    }
}
