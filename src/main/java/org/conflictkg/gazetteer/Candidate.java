package org.conflictkg.gazetteer;

/**
 * One ranked gazetteer record for a query, with the signals behind its {@code score} (all in
 * [0,1]): {@code nameScore} (similarity of {@code matchedName} to the query), {@code featureScore}
 * (how well the feature class/code fits the place kind), {@code contextScore} (admin1 agreement and
 * distance to the article's other places; 0.5 when nothing is known) and {@code populationScore}
 * (a weak prior). {@code distanceKm} is the distance to the nearest context position, NaN if none.
 */
public record Candidate(GeoNamesRecord record, String matchedName, double score, double nameScore,
                        double featureScore, double contextScore, double populationScore, double distanceKm) {
}
