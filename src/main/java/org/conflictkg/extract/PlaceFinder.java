package org.conflictkg.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.conflictkg.facts.PlaceKind;

/**
 * Finds place mentions: countries ({@link Countries}), names the {@link PlaceResolver} knows
 * (capitalised word sequences, longest first), names introduced by a place noun ("the town of X",
 * "X province", "the X region") and landmarks ("the city's national hospital"). Actor mentions
 * win over places ("Turkey" the state, "Damascus" the government are actors where the lexicon says so).
 */
public final class PlaceFinder {
    /** What was found: mentions in text order and the places they refer to, by key. */
    public record Result(List<Mention> mentions, Map<String, PlaceEntity> places) {
    }

    /**
     * The most words of a capitalised phrase looked up as one name. Longer place names are
     * transliteration noise (five names of GeoNames cities1000 have more than 12 words);
     * the bound keeps the lookups of a phrase linear in its length.
     */
    static final int MAX_NAME_WORDS = 12;
    /** A capitalised word; transliterations may start with an ayn mark and carry diacritics ("‘Ayn", "Ḩasan"). */
    private static final String CAP_WORD = "[\u2018\u02bf']?\\p{Lu}[\\p{L}\\p{M}'\u2018\u2019\u02bf\u02be]+";
    /** An Arabic article as transliterations write it: "al", "ash", "ad", "aḑ", "az̧", "el", "ul". */
    static final String PARTICLE = "(?:a[a-z\u0100-\u017F\u1E00-\u1EFF]\\p{M}?h?|e[lsdzn]|ul)";
    /**
     * A capitalised phrase. The repetition is possessive: nothing that may follow a phrase in these
     * patterns can start with one of its words, so it never needs to give words back, and the regex
     * engine neither recurses per word (a phrase of thousands of words overflowed the stack) nor backtracks.
     */
    private static final String CAP = CAP_WORD + "(?:(?: |-)(?:" + PARTICLE + "[- ])?" + CAP_WORD + ")*+";
    private static final Pattern SEQUENCE = Pattern.compile(CAP);
    private static final Pattern NOUN_OF = Pattern.compile(
            "\\b(?:[a-z-]+ )?(town|city|village|district|neighbourhood|suburb|province|governorate|region)s? of ("
                    + CAP + ")(?:,? and (" + CAP + "))?");
    /**
     * "X province": the name at most {@link #MAX_NAME_WORDS} words, else every word of a long
     * capitalised phrase would start a match that reads to the phrase's end (quadratic).
     */
    private static final Pattern PROVINCE_AFTER = Pattern.compile("\\b(" + CAP_WORD + "(?:(?: |-)(?:" + PARTICLE + "[- ])?"
            + CAP_WORD + "){0," + (MAX_NAME_WORDS - 1) + "}+) (province|governorate|oblast)\\b");
    private static final Pattern REGION = Pattern.compile("\\bthe (?:[a-z]+ )?(" + CAP + ") (region)\\b");
    private static final Pattern LANDMARK = Pattern.compile("\\b(?:the )?(?:(?:city|town)'s )?((?:national |main |central "
            + "|military |municipal |old |international )?(?:hospital|stadium|airport|air base|airbase|citadel|dam"
            + "|prison|power plant|military academy|headquarters of the (?:[a-z\\d-]+ ){0,3}(?:command|division|brigade|regiment|battalion)"
            + "|(?!an? |the )[a-z-]+ (?:military|regional|army) (?:command|headquarters|base)))\\b(?:[\u201d\"]? (?:in|of|outside) (?:the )?(?:(?:[a-z]+ )?(?:city|town) (?:of )?)?("
            + CAP_WORD + "(?:[ -]" + CAP_WORD + "){0,2})(?![\\p{L}\\d-]| " + CAP_WORD + "))?");
    /** A named installation: "X International Airport", "X Air Base", "X Border Crossing", "X Dam". */
    private static final Pattern NAMED_SITE = Pattern.compile("\\b(" + CAP_WORD + "(?: " + CAP_WORD + "){0,2}) (?:International |Military )?"
            + "(?:Airport|Air Base|Airbase|Airfield|Industrial Zone|Industrial City|Citadel|Dam|Bridge|Border Crossing|Crossing"
            + "|Refinery|Power Plant|Military Base|Base|Barracks|Port)\\b");
    /** "X airport", "the X citadel": a name before a lowercase installation noun ("the Red Sea port of X" describes X). */
    private static final Pattern BARE_SITE = Pattern.compile("\\b(" + CAP_WORD + "(?:[ -]" + CAP_WORD + "){0,2}) (airport|air base"
            + "|airbase|airfield|citadel|military base|army base|base|barracks|port|dam|bridge|border crossing|refinery|outpost|post|garrison)\\b(?![\\p{L}-]| of\\b)");
    /** "the X neighbourhood", "the X district": a name before a singular place noun. */
    private static final Pattern SINGULAR_NOUN = Pattern.compile("\\bthe (" + CAP + ") (neighbourhood|neighborhood|district|village|town|suburb)\\b");
    /** "X town", "X township": a name before a lowercase settlement noun, without an article and not before "of". */
    /** "X town", "X village": the name at most {@link #MAX_NAME_WORDS} words, as for "X province" (no article before it). */
    private static final Pattern BARE_NOUN = Pattern.compile("(?<!\\b(?:the|a|an) )\\b(" + CAP_WORD + "(?:(?: |-)(?:" + PARTICLE
            + "[- ])?" + CAP_WORD + "){0," + (MAX_NAME_WORDS - 1) + "}+) (town|township|village)\\b(?! of\\b)");
    /** "the X and Y regions", "the A, B and C villages". */
    private static final Pattern PLURAL_NOUN = Pattern.compile("\\bthe (" + CAP + ")(?:, (" + CAP + "))? and (" + CAP
            + ") (towns|villages|districts|neighbourhoods|regions|areas)\\b");
    /** The body scans above with the literals one of their matches needs: a body without them is not scanned. */
    private static final RegexLiterals.Screened NOUN_OF_SCREEN = RegexLiterals.Screened.of(NOUN_OF);
    private static final RegexLiterals.Screened PROVINCE_AFTER_SCREEN = RegexLiterals.Screened.of(PROVINCE_AFTER);
    private static final RegexLiterals.Screened REGION_SCREEN = RegexLiterals.Screened.of(REGION);
    private static final RegexLiterals.Screened NAMED_SITE_SCREEN = RegexLiterals.Screened.of(NAMED_SITE);
    private static final RegexLiterals.Screened PLURAL_NOUN_SCREEN = RegexLiterals.Screened.of(PLURAL_NOUN);
    private static final RegexLiterals.Screened SINGULAR_NOUN_SCREEN = RegexLiterals.Screened.of(SINGULAR_NOUN);
    private static final RegexLiterals.Screened BARE_NOUN_SCREEN = RegexLiterals.Screened.of(BARE_NOUN);
    private static final RegexLiterals.Screened BARE_SITE_SCREEN = RegexLiterals.Screened.of(BARE_SITE);
    private static final RegexLiterals.Screened LANDMARK_SCREEN = RegexLiterals.Screened.of(LANDMARK);
    private static final Set<String> STOP = Set.of("the", "a", "an", "on", "in", "at", "as", "but", "and", "if", "last",
            "some", "more", "both", "read", "president", "general", "colonel", "governor", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
            "june", "july", "august", "september", "october", "november", "december", "during", "before", "after",
            "while", "since", "units", "syrian", "russian", "turkish", "kurdish", "ukrainian", "arab", "islamic", "iraqi",
            "iranian", "lebanese", "jordanian", "american", "british", "french", "israeli", "palestinian", "european",
            "western", "eastern", "northern", "southern", "central",
            "state", "army", "forces", "temple", "its", "his", "their", "another", "many", "most", "this", "that",
            "under", "with", "from", "for", "of", "to", "by", "it", "he", "she", "they", "we", "slowly", "once");

    private final PlaceResolver resolver;
    private final Countries countryTable = Countries.bundled();

    public PlaceFinder(PlaceResolver resolver) {
        this.resolver = resolver;
    }

    public Result find(String body, List<String> countries, List<Mention> actors) {
        return find(body, countries.isEmpty() ? null : countries.get(0), countries, actors);
    }

    /**
     * Places of {@code body}: {@code main} is the article's country (null if unknown), {@code countries}
     * where names are looked up, most likely first.
     */
    public Result find(String body, String main, List<String> countries, List<Mention> actors) {
        this.bodyText = body;
        Set<String> countrySet = new java.util.LinkedHashSet<>(countries);
        Map<String, PlaceEntity> places = new LinkedHashMap<>();
        Found found = new Found();
        SpanIndex actorIndex = new SpanIndex();
        actors.forEach(a -> actorIndex.add(a.span()));
        String lower = RegexLiterals.lower(body);

        // 1. place nouns introduce names: "the town of X", "X province", "the X region"
        Matcher m = matcher(NOUN_OF_SCREEN, body, lower);
        while (m.find()) {
            PlaceKind kind = kindOfNoun(m.group(1), main);
            for (int g = 2; g <= 3; g++) {
                if (m.group(g) != null) {
                    add(found, places, new Span(m.start(g), m.end(g)), m.group(g), kind, countrySet, main);
                }
            }
        }
        m = matcher(PROVINCE_AFTER_SCREEN, body, lower);
        while (m.find()) {
            add(found, places, new Span(m.start(1), m.end(2)), m.group(1), PlaceKind.PROVINCE, countrySet, main);
        }
        m = matcher(REGION_SCREEN, body, lower);
        while (m.find()) {
            PlaceKind kind = "UA".equals(main) || "RU".equals(main) ? PlaceKind.PROVINCE : PlaceKind.REGION;
            add(found, places, new Span(m.start(1), m.end(2)), m.group(1), kind, countrySet, main);
        }
        m = matcher(NAMED_SITE_SCREEN, body, lower);
        while (m.find()) {
            if (STOP.contains(m.group(1).toLowerCase(Locale.ROOT).split(" ")[0]) || found.overlaps(new Span(m.start(), m.end()))) {
                continue;
            }
            String name = m.group();
            PlaceEntity p = PlaceEntity.of(name, PlaceKind.LANDMARK, null, main);
            places.putIfAbsent(p.key(), p);
            found.add(new Mention(new Span(m.start(), m.end()), name, p.key()));
        }
        m = matcher(PLURAL_NOUN_SCREEN, body, lower);
        while (m.find()) {
            PlaceKind kind = kindOfNoun(m.group(4).replaceFirst("s$", "").replace("neighbourhood", "neighbourhood"), main);
            for (int g = 1; g <= 3; g++) {
                if (m.group(g) != null) {
                    add(found, places, new Span(m.start(g), m.end(g)), m.group(g), kind, countrySet, main);
                }
            }
        }
        m = matcher(SINGULAR_NOUN_SCREEN, body, lower);
        while (m.find()) {
            if (!STOP.contains(m.group(1).toLowerCase(Locale.ROOT).split("[ -]")[0])) {
                add(found, places, new Span(m.start(1), m.end(1)), m.group(1), kindOfNoun(m.group(2).replace("neighborhood", "neighbourhood"), main), countrySet, main);
            }
        }
        m = matcher(BARE_NOUN_SCREEN, body, lower);
        while (m.find()) {
            if (!STOP.contains(m.group(1).toLowerCase(Locale.ROOT).split("[ -]")[0])
                    && !MentionLib.overlapsAny(actors, new Span(m.start(1), m.end(1))) && countryTable.cues(m.group(1)).isEmpty()) {
                add(found, places, new Span(m.start(1), m.end(1)), m.group(1),
                        kindOfNoun(m.group(2).equals("township") ? "district" : m.group(2), main), countrySet, main);
            }
        }
        m = matcher(BARE_SITE_SCREEN, body, lower);
        while (m.find()) {
            String name = untilStopWord(m.group(1));
            int start = m.start(1);
            if (m.group(1).matches("[A-Z][a-z]+ing .+")) {
                start = m.group(1).indexOf(' ') + 1 + start; // "Retaking X airport": the name is X
                name = body.substring(start, m.end(1));
            }
            Span span = new Span(start, m.end());
            if (!name.equals(untilStopWord(name)) || name.isEmpty() || MentionLib.overlapsAny(found, span)
                    || MentionLib.overlapsAny(actors, span) || !countryTable.cues(name).isEmpty()) {
                continue; // "Russian base", "the Wagner base": not a place's name
            }
            PlaceEntity p = PlaceEntity.of(name + " " + m.group(2), PlaceKind.LANDMARK, null, main);
            places.putIfAbsent(p.key(), p);
            found.add(new Mention(span, body.substring(span.start(), span.end()), p.key()));
        }
        m = matcher(LANDMARK_SCREEN, body, lower);
        while (m.find()) {
            String name = m.group(1);
            String town = m.group(2) == null ? null : untilStopWord(m.group(2));
            if (town != null && !town.isEmpty() && !STOP.contains(town.toLowerCase(Locale.ROOT))
                    && Countries.bundled().byName(town) == null) {
                name = town + " " + name; // "the airport in X": X's airport
                PlaceEntity p = PlaceEntity.of(name, PlaceKind.LANDMARK, null, main);
                places.putIfAbsent(p.key(), p);
                int end = m.start(2) + town.length();
                found.add(new Mention(new Span(m.start(), end), body.substring(m.start(), end), p.key()));
                continue;
            } else if (m.group(2) != null) {
                PlaceEntity p = PlaceEntity.of(name, PlaceKind.LANDMARK, null, main);
                places.putIfAbsent(p.key(), p);
                found.add(new Mention(new Span(m.start(), m.end(1)), body.substring(m.start(), m.end(1)), p.key()));
                continue;
            }
            PlaceEntity p = PlaceEntity.of(name, PlaceKind.LANDMARK, null, main);
            places.putIfAbsent(p.key(), p);
            found.add(new Mention(new Span(m.start(), m.end()), m.group(), p.key()));
        }
        // 2. capitalised sequences the gazetteer or the country table knows, longest first
        m = SEQUENCE.matcher(body);
        while (m.find()) {
            Extractor.checkpoint();
            int s = m.start();
            int e = m.end();
            List<int[]> words = words(body, s, e);
            int i = 0;
            while (i < words.size()) {
                String first = body.substring(words.get(i)[0], words.get(i)[1]).toLowerCase(Locale.ROOT);
                if (STOP.contains(first)) {
                    i++; // no place name starts with "The", "On", a weekday...
                    continue;
                }
                int matchedTo = -1;
                for (int j = Math.min(words.size() - 1, i + MAX_NAME_WORDS - 1); j >= i && matchedTo < 0; j--) {
                    Span span = new Span(words.get(i)[0], words.get(j)[1]);
                    String text = body.substring(span.start(), span.end());
                    if (j == i && STOP.contains(text.toLowerCase(Locale.ROOT))) {
                        continue;
                    }
                    if (actorIndex.overlaps(span) || found.overlaps(span)) {
                        continue;
                    }
                    if (lookup(found, places, span, text, countrySet)) {
                        matchedTo = j;
                    }
                }
                i = matchedTo >= 0 ? matchedTo + 1 : i + 1;
            }
        }
        return new Result(MentionLib.longestFirst(found), places);
    }

    /** A matcher of the screened pattern over {@code body}; over an empty text when the body lacks its literals. */
    private static Matcher matcher(RegexLiterals.Screened p, String body, String lower) {
        return p.pattern().matcher(p.mayMatch(lower) ? body : "");
    }

    private boolean lookup(Found found, Map<String, PlaceEntity> places, Span span, String text,
                           Set<String> countries) {
        Countries.Country c = Countries.bundled().byName(text);
        if (c != null) {
            PlaceEntity p = PlaceEntity.of(c.name(), PlaceKind.COUNTRY, c.geonames(), c.code());
            places.putIfAbsent(p.key(), p);
            found.add(new Mention(span, text, p.key()));
            return true;
        }
        if (text.length() < 4) {
            return false;
        }
        Optional<PlaceResolver.ResolvedPlace> r = resolver.resolve(text, countries);
        if (r.isEmpty()) {
            return false;
        }
        PlaceEntity p = PlaceEntity.of(text, r.get().kind(), r.get().geonamesId(), r.get().country(), r.get().admin1());
        places.putIfAbsent(p.key(), p);
        found.add(new Mention(span, text, p.key()));
        return true;
    }

    private void add(Found found, Map<String, PlaceEntity> places, Span span, String name, PlaceKind kind,
                     Set<String> countries, String main) {
        if (STOP.contains(name.toLowerCase(Locale.ROOT)) || found.overlaps(span)) {
            return;
        }
        PlaceEntity p;
        if (kind == PlaceKind.PROVINCE) {
            Optional<PlaceResolver.ResolvedPlace> r = resolver.resolveProvince(name, countries);
            p = r.map(x -> PlaceEntity.of(name, kind, x.geonamesId(), x.country(), x.admin1()))
                    .orElseGet(() -> PlaceEntity.of(name, kind, null, main));
        } else if (kind == PlaceKind.REGION) {
            // "the X region" that is a first-level division is a province
            Optional<PlaceResolver.ResolvedPlace> r = resolver.resolveProvince(name, countries);
            p = r.map(x -> PlaceEntity.of(name, PlaceKind.PROVINCE, x.geonamesId(), x.country(), x.admin1()))
                    .orElseGet(() -> PlaceEntity.of(name, kind, null, main));
        } else {
            Optional<PlaceResolver.ResolvedPlace> r = resolver.resolve(name, countries);
            if (r.isEmpty()) {
                r = resolver.resolveVariant(name, countries); // "the town of Hajeen": the gazetteer's Hajin
            }
            p = r.map(x -> PlaceEntity.of(name, kind, x.geonamesId(), x.country(), x.admin1()))
                    .orElseGet(() -> PlaceEntity.of(name, kind, null, main));
        }
        places.putIfAbsent(p.key(), p);
        found.add(new Mention(span, body(span), p.key()));
    }

    private String bodyText;

    /** The mentions found so far, indexed: every candidate phrase asks whether it overlaps one. */
    private static final class Found extends ArrayList<Mention> {
        private final SpanIndex index = new SpanIndex();

        @Override
        public boolean add(Mention m) {
            index.add(m.span());
            return super.add(m);
        }

        boolean overlaps(Span span) {
            return index.overlaps(span);
        }
    }

    private String body(Span s) {
        return bodyText.substring(s.start(), s.end());
    }

    /** The words of a name before the first that cannot be part of one ("Aden Tuesday": "Aden"). */
    private static String untilStopWord(String name) {
        String[] w = name.split(" ");
        int n = 0;
        while (n < w.length && !STOP.contains(w[n].toLowerCase(Locale.ROOT))) {
            n++;
        }
        return String.join(" ", java.util.Arrays.copyOf(w, n));
    }

    private static PlaceKind kindOfNoun(String noun, String country) {
        return switch (noun) {
            case "town" -> PlaceKind.TOWN;
            case "city" -> PlaceKind.CITY;
            case "village" -> PlaceKind.VILLAGE;
            case "district" -> PlaceKind.DISTRICT;
            case "neighbourhood", "suburb" -> PlaceKind.NEIGHBOURHOOD;
            case "province", "governorate" -> PlaceKind.PROVINCE;
            default -> "UA".equals(country) ? PlaceKind.PROVINCE : PlaceKind.REGION;
        };
    }

    /** Word boundaries (start, end) inside a capitalised sequence; "al-X" stays with its word, "al X" is two. */
    private static List<int[]> words(String body, int s, int e) {
        List<int[]> out = new ArrayList<>();
        int i = s;
        while (i < e) {
            int j = i;
            // a word ends at a space, or at a hyphen joining two capitalised names ("Damascus-Aleppo")
            while (j < e && body.charAt(j) != ' ' && !(body.charAt(j) == '-' && j + 1 < e
                    && Character.isUpperCase(body.charAt(j + 1)) && Character.isUpperCase(body.codePointAt(i))
                    && j - i > 2)) {
                j++;
            }
            out.add(new int[] {i, j});
            i = j + 1;
        }
        return out;
    }
}
