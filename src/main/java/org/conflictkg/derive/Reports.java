package org.conflictkg.derive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;

/** What the articles report, as read from the graph: the input of derivation. */
public record Reports(List<Change> changes, List<State> states, List<FigureReport> figures) {

    /**
     * A reported control change. {@code side} and {@code fromSide} are coarse sides. Dates are the
     * report's first and last possible day; undated reports take their article's publication date.
     * {@code sources} are the keys of who stands behind the report: its attributed actors, else the
     * agencies the article credits, else its publisher. {@code dateAsReported} is the date literal
     * at the precision the article gives (null for undated reports).
     */
    public record Change(Node event, Node article, Node place, Node fromActor, Node toActor, String fromSide,
                         String side, String status, LocalDate earliest, LocalDate latest, Set<Node> sources,
                         Node dateAsReported) {
        public boolean completed() {
            return "completed".equals(status);
        }
    }

    /** A reported control state ("held since 2014", "rebel-held"): who held a place, over what days. */
    public record State(Node node, Node article, Node place, Node controller, String side, LocalDate from,
                        LocalDate to, LocalDate asOf, String status, Set<Node> sources, Node fromAsReported) {
    }

    /** A reported figure, reduced to what comparison needs. */
    public record FigureReport(Node node, Node article, String measure, String group, BigDecimal value, BigDecimal low,
                               BigDecimal high, Set<Node> places, LocalDate earliest, LocalDate latest,
                               Set<Node> sources) {
    }
}
