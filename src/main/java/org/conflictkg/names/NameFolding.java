package org.conflictkg.names;

import java.text.Normalizer;
import java.util.Locale;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.ibm.icu.text.Transliterator;

/**
 * Folds names to a comparable key: any script to Latin, diacritics and apostrophes removed,
 * lower case, runs of anything but letters and digits to one space. "Sarāqib", "SARAQIB" and
 * "Saraqib" fold alike; Arabic and Cyrillic are transliterated first. Thread-safe.
 */
public final class NameFolding {

    private static final ThreadLocal<Transliterator> TO_ASCII = ThreadLocal.withInitial(() ->
            Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower"));

    /**
     * Folded forms of recent names. Transliteration dominates the cost of converting a document
     * whose names repeat across a corpus (actors, places, publishers); the cache is bounded
     * (least recently and frequently used names go first) and holds short names only.
     */
    private static final int CACHE_MAX = 20_000;
    private static final int CACHE_NAME_MAX = 200;
    private static final Cache<String, String> CACHE = Caffeine.newBuilder().maximumSize(CACHE_MAX).build();

    private NameFolding() {
    }

    /** The folded form: lower-case ASCII words separated by single spaces; may be empty. */
    public static String fold(String name) {
        if (name == null) {
            return "";
        }
        if (name.length() > CACHE_NAME_MAX) {
            return compute(name);
        }
        return CACHE.get(name, NameFolding::compute);
    }

    private static String compute(String name) {
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

    /** The Levenshtein distance: insertions, deletions and substitutions of UTF-16 units. */
    public static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
