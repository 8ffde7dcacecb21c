package org.conflictkg.names;

import java.text.Normalizer;
import java.util.Locale;

import com.ibm.icu.text.Transliterator;

/**
 * Folds names to a comparable key: any script to Latin, diacritics and apostrophes removed,
 * lower case, runs of anything but letters and digits to one space. "Sarāqib", "SARAQIB" and
 * "Saraqib" fold alike; Arabic and Cyrillic are transliterated first. Thread-safe.
 */
public final class NameFolding {

    private static final ThreadLocal<Transliterator> TO_ASCII = ThreadLocal.withInitial(() ->
            Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower"));

    private NameFolding() {
    }

    /** The folded form: lower-case ASCII words separated by single spaces; may be empty. */
    public static String fold(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC);
        s = TO_ASCII.get().transliterate(s);
        // Apostrophes and ayn/hamza marks vanish inside words (Ma'arrat -> maarrat).
        s = s.replaceAll("['`\u2018\u2019\u02bc\u02be\u02bf]", "");
        s = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
        return s;
    }

    /** The folded form joined by hyphens, for use in IRIs and ids; may be empty. */
    public static String slug(String name) {
        return fold(name).replace(' ', '-');
    }
}
