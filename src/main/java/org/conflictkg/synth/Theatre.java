package org.conflictkg.synth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.conflictkg.facts.PlaceKind;
import org.conflictkg.gazetteer.Gazetteer;
import org.conflictkg.gazetteer.GeoNamesReader;
import org.conflictkg.gazetteer.GeoNamesRecord;
import org.conflictkg.io.TsvLib;

/**
 * One war a synthetic article reports on: the places it names, the armed actors that fight over
 * them (ids of the actor registry, grouped by side so that a control change goes from one side to
 * another) and the sources that articles attribute facts to.
 *
 * @param settlements places that change hands (cities, towns, villages), with their provinces and country
 * @param sides       armed actors by side; each inner list holds the registry ids of one side
 * @param sources     registry ids of monitors, organisations and officials that articles quote
 * @param agencies    registry ids of news agencies credited on articles
 * @param publishers  publisher names
 */
public record Theatre(String name, List<SynthPlace> settlements, List<List<String>> sides, List<String> sources,
                      List<String> agencies, List<String> publishers) {

    public Theatre {
        if (settlements.isEmpty()) {
            throw new IllegalArgumentException("theatre " + name + " has no places");
        }
        if (sides.size() < 2 || sides.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("theatre " + name + " needs at least two sides with actors");
        }
        settlements = List.copyOf(settlements);
        sides = sides.stream().map(List::copyOf).toList();
        sources = List.copyOf(sources);
        agencies = List.copyOf(agencies);
        publishers = List.copyOf(publishers);
    }

    /** The actors of one theatre, by side, from the bundled actor registry. */
    static final List<List<String>> SYRIA_SIDES = List.of(
            List.of("syrian-government", "pro-government-militias", "russian-forces", "hezbollah"),
            List.of("syrian-opposition", "hts", "fsa", "nlf", "turkish-backed-factions"),
            List.of("sdf", "ypg"),
            List.of("islamic-state"));
    static final List<List<String>> UKRAINE_SIDES = List.of(
            List.of("ukrainian-forces"),
            List.of("russian-forces"));

    /** Populated places per country taken from the gazetteer, most populous first. */
    static final int GAZETTEER_PLACES = 400;

    private static volatile List<Theatre> fromGazetteer;

    /**
     * The default theatres: Syria and Ukraine with the populated places of the bundled GeoNames
     * extract (all of Syria's, Ukraine's {@value #GAZETTEER_PLACES} most populous; names as
     * GeoNames writes them, diacritics included), their first-level regions and countries; actors
     * as in {@link #builtIn()}. Read once.
     */
    public static List<Theatre> fromBundledGazetteer() {
        List<Theatre> t = fromGazetteer;
        if (t == null) {
            synchronized (Theatre.class) {
                t = fromGazetteer;
                if (t == null) {
                    t = readGazetteer();
                    fromGazetteer = t;
                }
            }
        }
        return t;
    }

    private static List<Theatre> readGazetteer() {
        Map<String, List<GeoNamesRecord>> byCountry = new HashMap<>();
        Gazetteer.Builder regions = Gazetteer.builder().source("bundled regions");
        try (InputStream raw = Gazetteer.class.getResourceAsStream(Gazetteer.BUNDLED_CITIES)) {
            if (raw == null) {
                throw new IllegalStateException("bundled gazetteer " + Gazetteer.BUNDLED_CITIES + " is missing");
            }
            GeoNamesReader.read(new GZIPInputStream(raw, 1 << 16), Gazetteer.BUNDLED_CITIES, r -> {
                if ("P".equals(r.featureClass()) && ("SY".equals(r.countryCode()) || "UA".equals(r.countryCode()))) {
                    byCountry.computeIfAbsent(r.countryCode(), k -> new ArrayList<>()).add(r);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Gazetteer admin = regions.addBundledRegions().build();
        List<Theatre> builtIn = builtIn();
        return List.of(
                new Theatre("Syria", places(byCountry.get("SY"), admin), builtIn.get(0).sides(), builtIn.get(0).sources(),
                        builtIn.get(0).agencies(), builtIn.get(0).publishers()),
                new Theatre("Ukraine", places(byCountry.get("UA"), admin), builtIn.get(1).sides(),
                        builtIn.get(1).sources(), builtIn.get(1).agencies(), builtIn.get(1).publishers()));
    }

    private static List<SynthPlace> places(List<GeoNamesRecord> records, Gazetteer admin) {
        if (records == null || records.isEmpty()) {
            throw new IllegalStateException("the bundled gazetteer has no places of a theatre");
        }
        String cc = records.get(0).countryCode();
        GeoNamesRecord c = admin.country(cc).orElseThrow(() -> new IllegalStateException("no country " + cc));
        SynthPlace country = SynthPlace.country(c.name(), Long.toString(c.id()));
        Map<String, SynthPlace> provinces = new HashMap<>();
        List<SynthPlace> out = new ArrayList<>();
        records.stream()
                .sorted(Comparator.comparingLong(GeoNamesRecord::population).reversed()
                        .thenComparingLong(GeoNamesRecord::id))
                .limit(GAZETTEER_PLACES)
                .forEach(r -> {
                    SynthPlace province = admin.admin1(cc, r.admin1())
                            .map(a -> provinces.computeIfAbsent(r.admin1(), k -> SynthPlace.province(a.name(),
                                    PlaceKind.PROVINCE, Long.toString(a.id()), country)))
                            .orElse(null);
                    PlaceKind kind = r.population() >= 100_000 ? PlaceKind.CITY
                            : r.population() >= 10_000 ? PlaceKind.TOWN : PlaceKind.VILLAGE;
                    out.add(SynthPlace.settlement(r.name(), kind, Long.toString(r.id()), province, country));
                });
        return out;
    }

    /**
     * The small built-in theatres, for when the gazetteer is not wanted: places taken from the project's example and evaluation articles
     * (GeoNames ids as there), actors from the bundled registry.
     */
    public static List<Theatre> builtIn() {
        Map<String, List<SynthPlace>> places = builtInPlaces();
        List<SynthPlace> syrian = places.get("Syria");
        List<SynthPlace> ukrainian = places.get("Ukraine");
        return List.of(
                new Theatre("Syria", syrian, SYRIA_SIDES,
                        List.of("sohr", "sana", "syrian-state-television", "white-helmets", "un", "ocha"),
                        List.of("afp", "reuters", "ap"),
                        List.of("The New Arab", "Syria Direct", "Enab Baladi")),
                new Theatre("Ukraine", ukrainian, UKRAINE_SIDES,
                        List.of("russian-defence-ministry", "volodymyr-zelensky", "un", "ocha", "icrc"),
                        List.of("afp", "reuters", "ap"),
                        List.of("The Kyiv Independent", "Ukrainska Pravda")));
    }

    private static final String BUILT_IN_PLACES = "theatre-places.tsv";

    /**
     * The settlements of each built-in theatre, in file order, from {@value #BUILT_IN_PLACES}: a
     * theatre's country comes first, then its provinces and regions, then its settlements.
     */
    static Map<String, List<SynthPlace>> builtInPlaces() {
        Map<String, List<SynthPlace>> out = new java.util.LinkedHashMap<>();
        Map<String, SynthPlace> countries = new HashMap<>();
        Map<String, SynthPlace> provinces = new HashMap<>();
        try (InputStream in = Theatre.class.getResourceAsStream(BUILT_IN_PLACES)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BUILT_IN_PLACES);
            }
            TsvLib.read(in, BUILT_IN_PLACES, row -> {
                String theatre = row.get(0);
                String name = row.get(1);
                PlaceKind kind = PlaceKind.valueOf(row.get(2).toUpperCase(java.util.Locale.ROOT));
                String geonames = row.get(3).isEmpty() ? null : row.get(3);
                SynthPlace country = countries.get(theatre);
                switch (kind) {
                    case COUNTRY -> countries.put(theatre, SynthPlace.country(name, geonames));
                    case PROVINCE, REGION -> provinces.put(theatre + "\t" + name,
                            SynthPlace.province(name, kind, geonames, country));
                    default -> {
                        SynthPlace within = row.get(4).isEmpty() ? null : provinces.get(theatre + "\t" + row.get(4));
                        if (country == null || (within == null && !row.get(4).isEmpty())) {
                            throw new IllegalStateException(row.at() + ": country or province not listed above");
                        }
                        out.computeIfAbsent(theatre, t -> new ArrayList<>())
                                .add(SynthPlace.settlement(name, kind, geonames, within, country));
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
