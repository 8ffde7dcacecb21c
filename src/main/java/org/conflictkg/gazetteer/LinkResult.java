package org.conflictkg.gazetteer;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The outcome of linking one place. {@link Status#LINKED}: {@code best} is the link, with
 * {@code confidence} at or above the matcher's threshold. {@link Status#AMBIGUOUS}: candidates were
 * found but none is clearly right; {@code best} is the top one (not a link) and {@code candidates}
 * the top few, for a report. {@link Status#UNLINKED}: no plausible candidate ({@code best} is null
 * when there was none at all, else the weak top candidate, not a link). {@code method} says how
 * the link was made ({@value #METHOD_MATCH} or {@value #METHOD_CURATED}). {@code province} and
 * {@code country} are the records of the first-level region and country of {@code best}, when the
 * gazetteer has them (a province's own province is null).
 *
 * <p>An RDF writer needs nothing else: {@link #geonamesIri()} for {@code skos:exactMatch},
 * {@link #point()} for the WKT geometry, {@code province}, {@code confidence} and {@code method}.
 */
public record LinkResult(PlaceQuery query, Status status, Candidate best, double confidence,
                         List<Candidate> candidates, String method, GeoNamesRecord province,
                         GeoNamesRecord country) {

    /** Link found by ranking gazetteer candidates. */
    public static final String METHOD_MATCH = "gazetteer-match";
    /** Link taken from a GeoNames id the curated facts already carry. */
    public static final String METHOD_CURATED = "curated";

    public enum Status { LINKED, AMBIGUOUS, UNLINKED }

    public LinkResult {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    public boolean isLinked() {
        return status == Status.LINKED;
    }

    /** The linked record, if linked. */
    public Optional<GeoNamesRecord> record() {
        return isLinked() ? Optional.of(best.record()) : Optional.empty();
    }

    /** The GeoNames id, if linked. */
    public OptionalLong geonamesId() {
        return isLinked() ? OptionalLong.of(best.record().id()) : OptionalLong.empty();
    }

    /** {@code https://sws.geonames.org/{id}/}, if linked. */
    public Optional<String> geonamesIri() {
        return record().map(GeoNamesRecord::iri);
    }

    /** The linked record's position, if linked and known. */
    public Optional<GeoPoint> point() {
        return record().filter(r -> !Double.isNaN(r.latitude()) && !Double.isNaN(r.longitude()))
                .map(r -> new GeoPoint(r.latitude(), r.longitude()));
    }
}
