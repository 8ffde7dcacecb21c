package org.conflictkg.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The countries extraction knows by name ({@code countries.tsv} beside this class): the names that
 * mention a country as a place, the other words that speak of it ("Sudanese", "Tigray"), and the
 * registry actors that "government-held" and "rebel-held" mean there. Immutable, thread-safe.
 */
public final class Countries {
    public static final String BUNDLED = "countries.tsv";

    /** One country: ISO code, GeoNames id (or null), name, and the actors its generic words mean (or null). */
    public record Country(String code, String geonames, String name, String state, String rebels) {
    }

    /** A word of a country found in a text: where, the country, and whether it names the country as a place. */
    public record Cue(Span span, String text, Country country, boolean place) {
    }

    private static volatile Countries bundled;

    private final Map<String, Country> byCode;
    private final Map<String, Country> byWord;
    private final Map<String, Boolean> isName;
    private final Pattern words;
    private final List<String> order;

    private Countries(Map<String, Country> byCode, Map<String, Country> byWord, Map<String, Boolean> isName) {
        this.order = List.copyOf(byCode.keySet());
        this.byCode = Map.copyOf(byCode);
        this.byWord = Map.copyOf(byWord);
        this.isName = Map.copyOf(isName);
        List<String> all = new ArrayList<>(byWord.keySet());
        all.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        StringBuilder sb = new StringBuilder("(?<![\\p{L}\\d-])(?:");
        for (int i = 0; i < all.size(); i++) {
            sb.append(i > 0 ? "|" : "").append(Pattern.quote(all.get(i)));
        }
        this.words = Pattern.compile(sb.append(")(?![\\p{L}\\d-])").toString());
    }

    public static Countries bundled() {
        Countries c = bundled;
        if (c == null) {
            try (InputStream in = Countries.class.getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw ExtractException.failure("bundled " + BUNDLED + " missing", null);
                }
                c = read(in, BUNDLED);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundled = c;
        }
        return c;
    }

    public static Countries read(InputStream in, String source) throws IOException {
        Map<String, Country> byCode = new LinkedHashMap<>();
        Map<String, Country> byWord = new HashMap<>();
        Map<String, Boolean> isName = new HashMap<>();
        DataFiles.rows(in, source, 7, (c, where) -> {
            if (!c[0].matches("[A-Z]{2}")) {
                throw ExtractException.badInput(where + ": expected an ISO 3166 alpha-2 country code, found \"" + c[0] + "\"");
            }
            Country country = new Country(c[0], blank(c[1]), c[2], blank(c[5]), blank(c[6]));
            byCode.put(c[0], country);
            for (int col = 3; col <= 4; col++) {
                for (String w : c[col].split("\\|")) {
                    String word = w.strip();
                    if (!word.isEmpty()) {
                        byWord.put(word, country);
                        isName.put(word, col == 3);
                    }
                }
            }
        });
        return new Countries(byCode, byWord, isName);
    }

    private static String blank(String s) {
        return s.isBlank() ? null : s.strip();
    }

    /** The country with this ISO code, or null. */
    public Country byCode(String code) {
        return code == null ? null : byCode.get(code);
    }

    /** The ISO codes of the table, in its order. */
    public List<String> codes() {
        return List.copyOf(order);
    }

    /** The country a name mentions as a place ("Syria", "Burma"), or null. */
    public Country byName(String name) {
        return Boolean.TRUE.equals(isName.get(name)) ? byWord.get(name) : null;
    }

    /** Every word of a country in {@code text}, in text order, longest first where they overlap ("South Sudan"). */
    public List<Cue> cues(String text) {
        List<Cue> out = new ArrayList<>();
        Matcher m = words.matcher(text);
        while (m.find()) {
            out.add(new Cue(new Span(m.start(), m.end()), m.group(), byWord.get(m.group()), isName.get(m.group())));
        }
        return out;
    }
}
