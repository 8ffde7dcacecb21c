package org.conflictkg.derive;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;

/** The result of derivation: merged changes, control periods and disagreements. */
public record Timeline(List<MergedChange> changes, List<Period> periods, List<Disagreement> disagreements,
                       List<HighwayControl.Route> routes, List<HighwayControl.Result> highwayControl) {

    /** A timeline without highway control (derived from reports alone). */
    public Timeline(List<MergedChange> changes, List<Period> periods, List<Disagreement> disagreements) {
        this(changes, periods, disagreements, List.of(), List.of());
    }

    /** This timeline with the control of the given routes on the given days. */
    public Timeline withHighways(List<HighwayControl.Route> routes, List<HighwayControl.Result> results) {
        return new Timeline(changes, periods, disagreements, routes, results);
    }


    /**
     * Reports of one change: same place, same gaining side, dates within the window.
     * {@code since} is the first day of its earliest completed report, or null if no report
     * says the change completed (then it flips no control).
     */
    public record MergedChange(Node iri, Node place, String side, List<Reports.Change> reports, LocalDate since,
                               LocalDate earliestReported, LocalDate latestReported, Set<Node> sources) {
        public boolean completed() {
            return since != null;
        }
    }

    /**
     * Who held a place from {@code since} (inclusive, null: unknown) until {@code until} (exclusive,
     * null: open). {@code sinceAsReported} is the start at the precision the reports give ("2012").
     */
    public record Period(Node iri, Node place, String side, Node controller, LocalDate since, LocalDate until,
                         MergedChange startedBy, MergedChange endedBy, List<Reports.State> support,
                         List<Reports.Change> context, Node sinceAsReported) {
        public boolean covers(LocalDate day) {
            return (since == null || !day.isBefore(since)) && (until == null || day.isBefore(until));
        }
    }

    /** Reports that disagree on one {@code aspect} (status, date, control, figure) of what {@code concerns}. */
    public record Disagreement(Node iri, String aspect, Node concerns, List<Node> versions) {
    }
}
