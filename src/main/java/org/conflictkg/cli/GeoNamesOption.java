package org.conflictkg.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.conflictkg.extract.LinkPlaceResolver;
import org.conflictkg.gazetteer.Gazetteer;
import org.conflictkg.gazetteer.GazetteerException;

import picocli.CommandLine.Option;

/**
 * {@code --geonames FILE}, a GeoNames dump instead of the bundled extract (a picocli mixin of the
 * commands that resolve places). A dump is read once, when it is first needed.
 */
final class GeoNamesOption {
    @Option(names = "--geonames", paramLabel = "FILE",
            description = "A GeoNames dump (cities1000.txt, a country file such as SY.txt, allCountries.txt; .gz too) "
                    + "instead of the bundled extract.")
    Path file;

    private Gazetteer gazetteer;

    /** Bad input now, not when the dump is first needed, if {@code --geonames} names no file. */
    void check() {
        if (file != null && !Files.isRegularFile(file)) {
            throw GazetteerException.badInput(file + ": no such GeoNames file");
        }
    }

    /** The gazetteer of {@code --geonames}, or the bundled one. */
    Gazetteer gazetteer() {
        if (gazetteer == null) {
            gazetteer = Gazetteer.open(file);
        }
        return gazetteer;
    }

    /** The place resolver of the extractor over {@link #gazetteer()}. */
    LinkPlaceResolver places() {
        return file == null ? LinkPlaceResolver.bundled() : new LinkPlaceResolver(gazetteer());
    }
}
