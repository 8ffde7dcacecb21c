package org.conflictkg.facts;

import java.math.BigDecimal;
import java.util.List;

/**
 * Something that happened. A control change ({@link #CONTROL_CHANGE}) has a {@code place} or a
 * {@code highway}, {@code from} and {@code to} actors and a {@code status}. {@code according}
 * is empty when the article itself states the event. {@code confidence}, in [0,1] or null, is how
 * sure a drafting tool (extract) was of the event as drafted.
 */
public record Event(String id, String type, String name, String place, String highway, String from, String to,
                    Status status, List<String> actors, List<String> against, List<String> places, String group,
                    BigDecimal distanceKm, DateSpec date, String dateText, List<String> according,
                    List<Evidence> evidence, Double confidence) {

    /** An event without a confidence (facts written by people, or before confidence was drafted). */
    public Event(String id, String type, String name, String place, String highway, String from, String to,
                 Status status, List<String> actors, List<String> against, List<String> places, String group,
                 BigDecimal distanceKm, DateSpec date, String dateText, List<String> according,
                 List<Evidence> evidence) {
        this(id, type, name, place, highway, from, to, status, actors, against, places, group, distanceKm, date,
                dateText, according, evidence, null);
    }

    public static final String CONTROL_CHANGE = "control-change";

    public boolean isControlChange() {
        return CONTROL_CHANGE.equals(type);
    }
}
