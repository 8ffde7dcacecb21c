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
                .map(e -> e instanceof org.conflictkg.facts.FactsEnum f ? f.code()
                        : e.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .toList();
    }

    /** The values as one line, for messages: {@code a, b or c}. */
    String list() {
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    @Override
    public Iterator<String> iterator() {
        return names.iterator();
    }

    /** RDF output formats ({@code convert --format}); {@code json-ld} is read as jsonld. */
    static final class RdfFormats extends Candidates implements picocli.CommandLine.ITypeConverter<org.conflictkg.rdf.RdfOutputLib.Format> {
        RdfFormats() {
            super(org.conflictkg.rdf.RdfOutputLib.Format.class);
        }

        @Override
        public org.conflictkg.rdf.RdfOutputLib.Format convert(String value) {
            String v = value.toLowerCase(Locale.ROOT).replace("-", "");
            for (org.conflictkg.rdf.RdfOutputLib.Format f : org.conflictkg.rdf.RdfOutputLib.Format.values()) {
                if (f.name().toLowerCase(Locale.ROOT).equals(v)) {
                    return f;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("unknown format \"" + value + "\"; expected " + list());
        }
    }

    /** Place kinds ({@code gazetteer search --kind}), spelled as in facts@1. */
    static final class PlaceKinds extends Candidates implements picocli.CommandLine.ITypeConverter<org.conflictkg.facts.PlaceKind> {
        PlaceKinds() {
            super(org.conflictkg.facts.PlaceKind.class);
        }

        @Override
        public org.conflictkg.facts.PlaceKind convert(String value) {
            org.conflictkg.facts.PlaceKind k = org.conflictkg.facts.FactsEnum.fromCode(org.conflictkg.facts.PlaceKind.class,
                    value.toLowerCase(Locale.ROOT));
            if (k == null) {
                throw new picocli.CommandLine.TypeConversionException("unknown kind \"" + value + "\"; expected " + list());
            }
            return k;
        }
    }

    /** {@code export --format} values. */
    static final class ExportFormats extends Candidates {
        ExportFormats() {
            super(org.conflictkg.export.ExportFormat.class);
        }
    }

    /** {@code export --layer} values. */
    static final class ExportLayers extends Candidates {
        ExportLayers() {
            super(org.conflictkg.export.ExportLayer.class);
        }
    }

    /** {@code query --format} values. */
    static final class ResultFormats extends Candidates {
        ResultFormats() {
            super(org.conflictkg.query.ResultFormat.class);
        }
    }

    /** {@code --bulk-loader} values. */
    static final class BulkLoaders extends Candidates {
        BulkLoaders() {
            super(org.conflictkg.store.TdbTarget.BulkLoader.class);
        }
    }
}
