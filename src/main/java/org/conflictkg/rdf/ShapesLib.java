package org.conflictkg.rdf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.Prefixes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.path.PathWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphReadOnly;

/**
 * SHACL validation of converted graphs against the bundled shapes ({@code ontology/shapes.ttl},
 * on the classpath as {@code /ontology/shapes.ttl}).
 *
 * <p>The shapes are written for the union of the article graphs and the reference graph of one or
 * more articles: a canonical place's type is in the reference graph, what an article says about
 * it in the article's graph. Validating an article graph alone reports its places and actors as
 * untyped.
 */
public final class ShapesLib {
    private ShapesLib() {
    }

    /** Classpath location of the shapes. */
    public static final String SHAPES_RESOURCE = "/ontology/shapes.ttl";

    private static volatile Shapes shapes;

    /** The bundled shapes, parsed once. */
    public static Shapes shapes() {
        Shapes s = shapes;
        if (s == null) {
            s = Shapes.parse(OntologyLib.parseResource(SHAPES_RESOURCE));
            shapes = s;
        }
        return s;
    }

    /** Validates one graph (for instance a union graph) against the bundled shapes. */
    public static ValidationReport validate(Graph data) {
        return ShaclValidator.get().validate(shapes(), data);
    }

    /**
     * Validates the union of all graphs of a dataset, the default graph included; a triple found
     * in several graphs counts once. A transactional dataset (TDB2) must be read inside a
     * transaction the caller holds.
     */
    public static ValidationReport validate(DatasetGraph dataset) {
        return validate(unionOf(dataset));
    }

    /**
     * The results of a report as lines, sorted, IRIs abbreviated with the output prefixes:
     * {@code focus path: message}, or {@code focus: message} for a constraint on the node itself.
     */
    public static List<String> describe(ValidationReport report) {
        PrefixMap pm = RdfOutputLib.prefixes();
        Prologue prologue = new Prologue(Prefixes.adapt(pm));
        List<String> lines = new ArrayList<>();
        for (ReportEntry e : report.getEntries()) {
            StringBuilder sb = new StringBuilder(NodeFmtLib.str(e.focusNode(), pm));
            if (e.resultPath() != null) {
                sb.append(' ').append(PathWriter.asString(e.resultPath(), prologue));
            }
            sb.append(": ").append(e.message() == null ? "violates " + NodeFmtLib.str(e.sourceConstraintComponent(), pm)
                    : e.message());
            lines.add(sb.toString());
        }
        Collections.sort(lines);
        return lines;
    }

    /** A read view of the union of the default graph and all named graphs, without duplicates. */
    public static Graph unionOf(DatasetGraph dataset) {
        Graph named = dataset.getUnionGraph();
        Graph dflt = dataset.getDefaultGraph();
        // The dataset's own union graph is markedly faster than a MultiUnion: use it alone when it can be.
        return new GraphReadOnly(dflt.isEmpty() ? named : new MultiUnion(new Graph[] {dflt, named}));
    }
}
