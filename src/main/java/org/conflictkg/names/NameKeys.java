package org.conflictkg.names;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;


/**
 * The project's one name-key scheme, for matching place names (the gazetteer's index, the
 * extractor's place mentions). Three levels, each coarser than the last:
 * <ol>
 * <li>{@link #fold}: lower-case ASCII words, as {@link NameFolding#fold} (diacritics, apostrophes and
 * ayn/hamza marks removed; other scripts transliterated). Latin-script input takes a fast path with
 * the same result, so that indexing a full dump stays quick.</li>
 * <li>{@link #normalize}: the folded words without Arabic article tokens ({@link #ARTICLES}: al, el, an,
 * ash, as, ad, ar, at, az, ath, adh and their e- forms, and ul, il) and without generic designators (province, governorate, region,
 * oblast, district, city, ...): "Ma'arrat an-Nu'man" and "Maarat al-Numan" become "maarrat numan"
 * and "maarat numan".</li>
 * <li>{@link #variantKey} (beside the three levels): the words with articles dropped and the usual
 * English spelling variation folded, finer than the key; it names a place within one text
 * (extraction) and confirms that two spellings sharing a key are one name ({@link #sameVariant}).</li>
 * <li>{@link #key}: a consonant skeleton of the normalised name that absorbs the usual English
 * transliteration variants by general rules, not a table of names: vowels (a e i o u y, and w or j
 * in vowel position) are dropped, doubled letters collapse, q = k, an h after a consonant
 * (sh, kh, dh, th, gh, zh) and a word-final h after a vowel are dropped, and the words are joined.
 * Saraqeb/Saraqib/Sarakeb give "srkb", Sheikhoun/Shaykhun "skn", Idleb/Idlib "dlb",
 * Maarat/Ma'arrat "mrt", Izium/Izyum "zm", Raqqa/Ar-Raqqah "rk".</li>
 * </ol>
 * Keys are deliberately lossy: they find candidates, and the scorer compares the normalised forms.
 * All methods are thread-safe and return "" for null or empty input.
 */
public final class NameKeys {

    /** Arabic definite-article tokens as English transliterations write them (with sun-letter forms). */
    public static final Set<String> ARTICLES = Set.of(
            "al", "el", "an", "en", "ash", "esh", "as", "es", "ad", "ed", "ar", "er", "at", "et",
            "az", "ez", "ath", "eth", "adh", "edh", "ul", "il");

    /** Generic words naming the kind of place rather than the place. */
    public static final Set<String> DESIGNATORS = Set.of(
            "province", "governorate", "gouvernorat", "muhafazat", "muhafazah", "mohafazat", "region", "oblast",
            "oblast'", "district", "raion", "rayon", "county", "city", "town", "village", "of", "the");

    private NameKeys() {
    }

    /** Lower-case ASCII words separated by single spaces; same result as {@link NameFolding#fold}. */
    public static String fold(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        if (isAscii(name)) {
            return asciiFold(name);
        }
        if (isLatinScript(name)) {
            return asciiFold(stripLatin(name));
        }
        return NameFolding.fold(name);
    }

    /** The folded words without article tokens and designators (kept if nothing else remains). */
    public static String normalize(String name) {
        return normalizeFolded(fold(name));
    }

    /** {@link #normalize} of an already folded string. */
    public static String normalizeFolded(String folded) {
        if (folded.isEmpty()) {
            return folded;
        }
        String[] words = folded.split(" ");
        List<String> kept = new ArrayList<>(words.length);
        for (String w : words) {
            if (!ARTICLES.contains(w) && !DESIGNATORS.contains(w)) {
                kept.add(w);
            }
        }
        if (kept.isEmpty()) {
            return folded;
        }
        return String.join(" ", kept);
    }

    /** The lookup key of a name: {@link #skeleton} of {@link #normalize}. */
    public static String key(String name) {
        return skeleton(normalize(name));
    }

    /**
     * The transliteration-variant form of a name: the folded words without article tokens (designators
     * kept, so "Kherson region" and "Kherson" stay apart), each with the usual English spelling
     * variation folded by general rules, not a table of names: q = k; j between a consonant and a
     * vowel = i (Kupjansk, Kupiansk); the long vowels "ou", "oo" = u
     * and "ee" = i; "ay", "ai", "ey", "ei" before a consonant or at the end = ai (Shaykh, Sheikh,
     * Shaikh); the endings -iya, -iyah, -ieh, -iyeh, -ia = i; then e = i, o = u, y = i; a word-final h
     * after a vowel dropped, a final -eh or -ah = a; doubled letters collapsed. "Hajeen" and "Hajin" give "hajin"; "Hamidiyah",
     * "Hamidieh" and "Hamidiya" give "hamidi"; "Ma'arrat an-Nu'man" and "Maarat al-Numan" give
     * "marat numan". It identifies a place named several ways in one text, and it decides whether two
     * spellings that share a {@link #key} are the same name ({@link #sameVariant}).
     */
    public static String variantKey(String name) {
        String folded = fold(name);
        if (folded.isEmpty()) {
            return folded;
        }
        StringBuilder out = new StringBuilder(folded.length());
        for (String w : folded.split(" ")) {
            if (w.isEmpty() || ARTICLES.contains(w)) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(variantWord(w));
        }
        return out.length() == 0 ? variantWord(folded) : out.toString();
    }

    /**
     * True when two spellings are one name written two ways: they share a {@link #key}, and their
     * {@link #variantKey}s are equal or, for names of six letters or more, differ by one vowel
     * between consonants ("Latamneh" and "Al Lataminah"; not "Hamas" and "Homs", nor "Oleksandr"
     * and "Oleksandriia").
     */
    public static boolean sameVariant(String a, String b) {
        String ka = key(a);
        if (ka.isEmpty() || !ka.equals(key(b))) {
            return false;
        }
        String va = variantKey(a).replace(" ", "");
        String vb = variantKey(b).replace(" ", "");
        if (va.equals(vb)) {
            return true;
        }
        return Math.max(va.length(), vb.length()) >= 6 && (innerVowel(va, vb) || innerVowel(vb, va));
    }

    /** True when {@code longer} is {@code shorter} with one vowel more between two consonants. */
    private static boolean innerVowel(String longer, String shorter) {
        if (longer.length() != shorter.length() + 1) {
            return false;
        }
        int i = 0;
        while (i < shorter.length() && longer.charAt(i) == shorter.charAt(i)) {
            i++;
        }
        return i > 0 && i < shorter.length() && isVowel(longer.charAt(i)) && !isVowel(longer.charAt(i - 1))
                && !isVowel(longer.charAt(i + 1)) && longer.substring(i + 1).equals(shorter.substring(i));
    }

    private static String variantWord(String w) {
        String s = w.replace('q', 'k').replace("ou", "u").replace("oo", "u").replace("ee", "i");
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            char after = i + 2 < s.length() ? s.charAt(i + 2) : 0;
            if (c == 'j' && i > 0 && !isVowel(s.charAt(i - 1)) && isVowel(next)) {
                b.append('i'); // Kupjansk, Kupiansk
                continue;
            }
            if ((c == 'a' || c == 'e') && (next == 'y' || next == 'i') && (after == 0 || !isVowel(after))) {
                b.append("ai"); // Shaykh, Sheikh, Shaikh
                i++;
                continue;
            }
            b.append(c);
        }
        s = b.toString();
        // the endings -iya, -iyah, -ieh, -iyeh, -ia
        for (String end : new String[] {"iyah", "iyeh", "iya", "ieh", "iye", "iah", "ia"}) {
            if (s.length() > end.length() + 1 && s.endsWith(end)) {
                s = s.substring(0, s.length() - end.length()) + "i";
                break;
            }
        }
        if (s.length() > 3 && (s.endsWith("eh") || s.endsWith("ah"))) {
            s = s.substring(0, s.length() - 2) + "a"; // the feminine ending: Latamneh, Lataminah
        }
        s = s.replace('e', 'i').replace('o', 'u').replace('y', 'i');
        if (s.length() > 2 && s.charAt(s.length() - 1) == 'h' && isVowel(s.charAt(s.length() - 2))) {
            s = s.substring(0, s.length() - 1);
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (i == 0 || s.charAt(i) != s.charAt(i - 1)) {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }

    /** The consonant skeleton of a normalised name, words joined without separator. */
    public static String skeleton(String normalized) {
        StringBuilder out = new StringBuilder(normalized.length());
        for (String word : normalized.split(" ")) {
            skeletonWord(word, out);
        }
        return out.toString();
    }

    private static void skeletonWord(String w, StringBuilder out) {
        int n = w.length();
        if (n == 0) {
            return;
        }
        int start = out.length();
        char prevRaw = 0;
        for (int i = 0; i < n; i++) {
            char c = w.charAt(i);
            char next = i + 1 < n ? w.charAt(i + 1) : 0;
            boolean vowel = isVowel(c)
                    || (c == 'w' && i > 0 && isVowel(prevRaw))
                    || (c == 'j' && i > 0 && isVowel(next));
            if (c == 'q') {
                c = 'k';
            }
            if (c == 'h' && i > 0 && (isDigraphHead(prevRaw) || (i == n - 1 && isVowel(prevRaw)))) {
                prevRaw = 'h';
                continue;
            }
            prevRaw = w.charAt(i);
            if (vowel) {
                continue;
            }
            if (out.length() > start && out.charAt(out.length() - 1) == c && i > 0
                    && normalizedEquals(w.charAt(i - 1), c)) {
                continue; // doubled letter
            }
            out.append(c);
        }
        if (out.length() == start) {
            out.append(w.charAt(0)); // all vowels: keep something of the word
        }
    }

    private static boolean normalizedEquals(char raw, char c) {
        return raw == c || (raw == 'q' && c == 'k');
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }

    private static boolean isDigraphHead(char c) {
        return c == 's' || c == 'k' || c == 'd' || c == 't' || c == 'g' || c == 'z' || c == 'c' || c == 'p';
    }

    /** True when every character is ASCII. */
    public static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** True when every letter of {@code s} is in the Latin script (marks and punctuation allowed). */
    public static boolean isLatinScript(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp) && Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN) {
                return false;
            }
        }
        return true;
    }

    /**
     * An exact, script-preserving key for names not in the Latin script (Arabic, Cyrillic, ...):
     * NFKC, lower case, marks removed, anything but letters and digits collapsed to one space.
     */
    public static String scriptKey(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK || type == Character.FORMAT) {
                continue;
            }
            if (Character.isLetterOrDigit(cp)) {
                if (space && b.length() > 0) {
                    b.append(' ');
                }
                space = false;
                b.appendCodePoint(cp);
            } else {
                space = true;
            }
        }
        return b.toString();
    }

    private static String stripLatin(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD);
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (c < 0x80) {
                b.append(c);
                continue;
            }
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            switch (c) {
                case 'ß' -> b.append("ss");
                case 'æ' -> b.append("ae");
                case 'Æ' -> b.append("AE");
                case 'œ' -> b.append("oe");
                case 'Œ' -> b.append("OE");
                case 'ø', 'Ø' -> b.append('o');
                case 'ł', 'Ł' -> b.append('l');
                case 'đ', 'Đ', 'ð', 'Ð' -> b.append('d');
                case 'ı' -> b.append('i');
                case 'ħ', 'Ħ' -> b.append('h');
                case 'ŧ', 'Ŧ' -> b.append('t');
                case 'þ', 'Þ' -> b.append("th");
                case 'ŋ', 'Ŋ' -> b.append("n");
                case 'ĸ' -> b.append('k');
                // apostrophes, ayn and hamza letters vanish inside words
                case '\u2018', '\u2019', '\u02bc', '\u02be', '\u02bf', '\u02bb', '\u02b9', '\u02c8' -> { }
                default -> b.append(' ');
            }
        }
        return b.toString();
    }

    private static String asciiFold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '`' || c == '\u2018' || c == '\u2019' || c == '\u02bc' || c == '\u02be'
                    || c == '\u02bf') {
                continue;
            }
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (space && b.length() > 0) {
                    b.append(' ');
                }
                space = false;
                b.append(c);
            } else {
                space = true;
            }
        }
        return b.toString();
    }
}
