package org.conflictkg.facts;

import java.math.BigDecimal;
import java.util.List;

/** A number the article reports: a {@code value}, or a range {@code low}..{@code high}. */
/**
 * A reported number. {@code confidence}, in [0,1] or null, is how sure a drafting tool was of it.
 */
public record Figure(String id, String measure, BigDecimal value, BigDecimal low, BigDecimal high,
                     Qualifier qualifier, String unit, String group, String subject, String place,
                     List<String> places, String highway, DateSpec period, ReducedDate asOf, String dateText,
                     List<String> according, List<Evidence> evidence, Double confidence) {

    /** A figure without a confidence (facts written by people, or before confidence was drafted). */
    public Figure(String id, String measure, BigDecimal value, BigDecimal low, BigDecimal high,
                  Qualifier qualifier, String unit, String group, String subject, String place,
                  List<String> places, String highway, DateSpec period, ReducedDate asOf, String dateText,
                  List<String> according, List<Evidence> evidence) {
        this(id, measure, value, low, high, qualifier, unit, group, subject, place, places, highway, period, asOf,
                dateText, according, evidence, null);
    }
}
