package org.conflictkg.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * An enum's constants in lower case, as the command line accepts and lists them (picocli's
 * {@code completionCandidates}, shown by {@code ${COMPLETION-CANDIDATES}} and in shell completion).
 */
abstract class Candidates implements Iterable<String> {
    private final List<String> names;

    Candidates(Class<? extends Enum<?>> type) {
        this.names = Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
    }

    @Override
    public Iterator<String> iterator() {
        return names.iterator();
    }

    /** {@code --bulk-loader} values. */
    static final class BulkLoaders extends Candidates {
        BulkLoaders() {
            super(org.conflictkg.store.TdbTarget.BulkLoader.class);
        }
    }
}
