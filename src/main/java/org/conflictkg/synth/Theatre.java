package org.conflictkg.synth;

import java.util.List;

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

    /**
     * The built-in theatres: places taken from the project's example and evaluation articles
     * (GeoNames ids as there), actors from the bundled registry.
     */
    public static List<Theatre> builtIn() {
        SynthPlace syria = SynthPlace.country("Syria", "163843");
        SynthPlace idlib = SynthPlace.province("Idlib", org.conflictkg.facts.PlaceKind.PROVINCE, "169387", syria);
        SynthPlace hama = SynthPlace.province("Hama", org.conflictkg.facts.PlaceKind.PROVINCE, "170015", syria);
        SynthPlace aleppoProvince = SynthPlace.province("Aleppo", org.conflictkg.facts.PlaceKind.PROVINCE, "170062", syria);
        SynthPlace latakiaProvince = SynthPlace.province("Latakia", org.conflictkg.facts.PlaceKind.PROVINCE, "173578", syria);
        var city = org.conflictkg.facts.PlaceKind.CITY;
        var town = org.conflictkg.facts.PlaceKind.TOWN;
        List<SynthPlace> syrian = List.of(
                SynthPlace.settlement("Saraqeb", town, "164816", idlib, syria),
                SynthPlace.settlement("Maarat al-Numan", town, "167611", idlib, syria),
                SynthPlace.settlement("Damascus", city, "170654", null, syria),
                SynthPlace.settlement("Aleppo", city, "170063", aleppoProvince, syria),
                SynthPlace.settlement("Latakia", city, "173576", latakiaProvince, syria),
                SynthPlace.settlement("Raqqa", city, "172955", null, syria),
                SynthPlace.settlement("Palmyra", city, "163808", null, syria),
                SynthPlace.settlement("Tal Abyad", town, "163750", null, syria),
                SynthPlace.settlement("Ras al-Ain", town, "165509", null, syria),
                SynthPlace.settlement("Ain Issa", town, "172134", null, syria),
                SynthPlace.settlement("Tal Tamr", town, "163434", null, syria),
                SynthPlace.settlement("Afrin", town, "174186", aleppoProvince, syria),
                SynthPlace.settlement("Nubl", town, "166331", aleppoProvince, syria),
                SynthPlace.settlement("Kafr Nabudah", town, null, hama, syria));
        SynthPlace ukraine = SynthPlace.country("Ukraine", null);
        SynthPlace kharkiv = SynthPlace.province("Kharkiv region", org.conflictkg.facts.PlaceKind.REGION, null, ukraine);
        List<SynthPlace> ukrainian = List.of(
                SynthPlace.settlement("Izium", city, "707292", kharkiv, ukraine),
                SynthPlace.settlement("Balakliia", town, "712926", kharkiv, ukraine),
                SynthPlace.settlement("Kupiansk", town, "703656", kharkiv, ukraine),
                SynthPlace.settlement("Kyiv", city, "703448", null, ukraine));
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
}
