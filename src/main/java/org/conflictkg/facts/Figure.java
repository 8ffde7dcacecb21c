package org.conflictkg.facts;

import java.math.BigDecimal;
import java.util.List;

/** A number the article reports: a {@code value}, or a range {@code low}..{@code high}. */
public record Figure(String id, String measure, BigDecimal value, BigDecimal low, BigDecimal high,
                     Qualifier qualifier, String unit, String group, String subject, String place,
                     List<String> places, String highway, DateSpec period, ReducedDate asOf, String dateText,
                     List<String> according, List<Evidence> evidence) {
}
