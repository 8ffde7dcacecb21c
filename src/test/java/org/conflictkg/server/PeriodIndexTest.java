package org.conflictkg.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.junit.jupiter.api.Test;

/**
 * The date index answers as map-day's FILTER does, for starts and ends of every shape a store
 * could hold (plain dates, none, dates with a time zone, date-times, months, strings, dates that
 * are not on the calendar) and for a period with two starts: the FILTER itself, run by Jena over
 * the same rows, is the expected answer, on every day of a range around them.
 */
class PeriodIndexTest {
    static final String FILTER_QUERY = """
            SELECT ?period WHERE {
              FILTER ((!BOUND(?start) || ?start <= ?date) && (!BOUND(?until) || ?date < ?until))
            }""";

    static Node date(String lex) {
        return NodeFactory.createLiteralDT(lex, XSDDatatype.XSDdate);
    }

    static final List<Node> VALUES = List.of(
            date("2020-01-10"), date("2020-01-20"), date("2020-01-15"), date("2020-01-15Z"), date("2020-01-16+05:00"),
            NodeFactory.createLiteralDT("2020-01-12T12:00:00", XSDDatatype.XSDdateTime),
            NodeFactory.createLiteralDT("2020-01", XSDDatatype.XSDgYearMonth),
            NodeFactory.createLiteralString("2020-01-14"), date("2020-02-30"));

    @Test
    void holdingIsTheFilter() {
        List<Binding> rows = new ArrayList<>();
        int n = 0;
        List<Node> bounds = new ArrayList<>(VALUES);
        bounds.add(null);
        for (Node start : bounds) {
            for (Node until : bounds) {
                rows.add(row("p" + n++, start, until));
            }
        }
        // one period read twice, with two starts (a store may say two things)
        rows.add(row("twice", date("2020-01-18"), null));
        rows.add(row("twice", date("2020-01-11"), date("2020-01-13")));
        // rows in an order unlike their dates: the answer keeps it
        java.util.Collections.shuffle(rows, new java.util.Random(3));

        PeriodIndex index = PeriodIndex.of(rows);
        assertThat(index.size()).isEqualTo(rows.size());
        int nonEmpty = 0;
        for (LocalDate day = LocalDate.parse("2020-01-05"); day.isBefore(LocalDate.parse("2020-01-26")); day = day.plusDays(1)) {
            List<Node> expected = filter(rows, date(day.toString()));
            assertThat(index.holding(day)).as(day.toString()).containsExactlyElementsOf(expected);
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).isGreaterThan(10);
    }

    static Binding row(String name, Node start, Node until) {
        BindingBuilder b = BindingBuilder.create().add(Var.alloc("period"), NodeFactory.createURI("https://example.org/" + name));
        if (start != null) {
            b.add(Var.alloc("start"), start);
        }
        if (until != null) {
            b.add(Var.alloc("until"), until);
        }
        return b.build();
    }

    /** The periods of {@code rows} the FILTER keeps on {@code day}, each once, in row order. */
    static List<Node> filter(List<Binding> rows, Node day) {
        Query q = QueryFactory.create(FILTER_QUERY);
        ElementGroup where = new ElementGroup();
        where.addElement(new ElementData(List.of(Var.alloc("period"), Var.alloc("start"), Var.alloc("until")), rows));
        ((ElementGroup) q.getQueryPattern()).getElements().forEach(where::addElement);
        q.setQueryPattern(where);
        Set<Node> out = new LinkedHashSet<>();
        QueryExec.dataset(DatasetGraphFactory.empty()).query(q).substitution("date", day).select()
                .forEachRemaining(b -> out.add(b.get("period")));
        return new ArrayList<>(out);
    }
}
