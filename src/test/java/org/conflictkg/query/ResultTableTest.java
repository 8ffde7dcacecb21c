package org.conflictkg.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.ResultSet;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.junit.jupiter.api.Test;

/** The table for people: labels, plain values, short cells, safe text, a row count. */
class ResultTableTest {
    static final String BASE = "https://w3id.org/conflict-kg/";
    static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
            .setNsPrefix("place", BASE + "place/").setNsPrefix("kg", BASE);

    static ResultSet rows(List<String> vars, List<Map<String, Node>> rows) {
        List<Var> vs = vars.stream().map(Var::alloc).toList();
        List<Binding> bs = rows.stream().map(r -> {
            BindingBuilder b = Binding.builder();
            r.forEach((k, v) -> b.add(Var.alloc(k), v));
            return b.build();
        }).toList();
        RowSet rs = RowSetStream.create(vs, bs.iterator());
        return ResultSet.adapt(rs);
    }

    static String table(ResultSet rs, Map<Node, String> labels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultTable.write(out, rs, PREFIXES, iris -> labels);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void labelsPlainDatesShortIrisAndARowCount() {
        Node place = NodeFactory.createURI(BASE + "place/geonames/1");
        Node actor = NodeFactory.createURI(BASE + "actor/rebels");
        Node other = NodeFactory.createURI(BASE + "derived/period/abc");
        String t = table(rows(List.of("place", "placeLabel", "controller", "since", "period"), List.of(
                Map.of("place", place, "placeLabel", NodeFactory.createLiteralString("Town A"),
                        "controller", actor, "since", NodeFactory.createLiteralDT("2020-01-29", XSDDatatype.XSDdate),
                        "period", other))), Map.of(actor, "The Rebels"));
        List<String> lines = t.lines().toList();
        assertThat(lines.get(0).split(" +")).containsExactly("place", "controller", "since", "period");
        assertThat(lines.get(2)).contains("Town A").contains("The Rebels").contains("2020-01-29")
                .contains("derived/period/abc").doesNotContain("^^").doesNotContain("<").doesNotContain("\"");
        assertThat(lines.get(3)).isEqualTo("1 row");
        // Columns line up: each column starts at the same offset in every line.
        int col = lines.get(0).indexOf("controller");
        assertThat(lines.get(2).substring(col)).startsWith("The Rebels");
    }

    @Test
    void anEmptyResultSaysZeroRows() {
        String t = table(rows(List.of("place", "controller"), List.of()), Map.of());
        assertThat(t.lines().toList()).last().isEqualTo("0 rows");
        assertThat(t).startsWith("place");
    }

    @Test
    void longCellsAreCutAndControlsAndEscapesRemoved() {
        String longText = "word ".repeat(40);
        String nasty = "red\u001B[31mALERT\u001B[0m\u001B]0;title\u0007 tab\there\nnext\u202Eevil\u0000";
        String t = table(rows(List.of("quote", "note"), List.of(Map.of(
                "quote", NodeFactory.createLiteralString(longText), "note", NodeFactory.createLiteralString(nasty)))),
                Map.of());
        String row = t.lines().toList().get(2);
        assertThat(row).doesNotContain("\u001B").doesNotContain("\u0007").doesNotContain("\u202E").doesNotContain("\u0000")
                .contains("redALERT").contains("tab here next evil");
        String quote = row.substring(0, row.indexOf("redALERT")).strip();
        assertThat(quote.codePointCount(0, quote.length())).isEqualTo(ResultTable.MAX_CELL);
        assertThat(quote).endsWith("\u2026");
        assertThat(t.lines().count()).isEqualTo(4);
    }

    @Test
    void labelsAreLookedUpOnlyForIrisWithoutALabelColumn() {
        Node place = NodeFactory.createURI(BASE + "place/geonames/1");
        Node actor = NodeFactory.createURI(BASE + "actor/x");
        Set<Node>[] asked = new Set[1];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultTable.write(out, rows(List.of("place", "placeLabel", "by"), List.of(Map.of("place", place,
                "placeLabel", NodeFactory.createLiteralString("Town A"), "by", actor))), PREFIXES, iris -> {
                    asked[0] = iris;
                    return Map.of();
                });
        assertThat(asked[0]).containsExactly(actor);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Town A").contains("actor/x");
    }
}
