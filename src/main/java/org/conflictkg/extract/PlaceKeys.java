package org.conflictkg.extract;

import java.util.Locale;
import java.util.Set;

import org.conflictkg.names.NameFolding;

/**
 * Matching keys for place names. {@link #key} folds a name (ICU, see {@link NameFolding}), drops
 * Arabic article particles ("al-", "el-", "ash-"...), maps y and j to i, and collapses doubled
 * letters, so "Maarat al-Numan", "Ma'arrat an-Nu'man" and "Izium"/"Izyum" meet.
 */
public final class PlaceKeys {
    private static final Set<String> PARTICLES = Set.of("al", "el", "an", "ash", "as", "ar", "ad", "at", "az",
            "ath", "es", "ed", "ez", "er", "en", "et", "ul", "il");

    private PlaceKeys() {
    }

    public static String key(String name) {
        String f = NameFolding.fold(name);
        return normalise(f);
    }

    /** As {@link #key} for text already in lower-case ASCII (cheap: no transliteration). */
    public static String keyAscii(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        boolean space = false;
        for (int i = 0; i < name.length(); i++) {
            char c = Character.toLowerCase(name.charAt(i));
            if (c == '\'' || c == '\u2019' || c == '\u2018' || c == '`' || c == '\u02bf' || c == '\u02be') {
                continue;
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = false;
                sb.append(c);
            } else if (c > 127) {
                return key(name);
            } else {
                space = true;
            }
        }
        return normalise(sb.toString());
    }

    private static String normalise(String folded) {
        StringBuilder sb = new StringBuilder(folded.length());
        for (String w : folded.split(" ")) {
            if (w.isEmpty() || PARTICLES.contains(w)) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            char prev = 0;
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                if (c == 'y' || c == 'j') {
                    c = 'i';
                }
                if (c != prev) {
                    sb.append(c);
                }
                prev = c;
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
