package org.conflictkg.query;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.shared.PrefixMapping;

/**
 * The text table a person reads: one column per variable, a column {@code x} shown by its label
 * when the result has {@code xLabel} beside it (which then is not shown on its own), other IRIs
 * by the label the store gives them (if a lookup is given) or shortened with the prefixes,
 * literals by their lexical form ({@code 2020-01-30}, not {@code "2020-01-30"^^xsd:date}). Cells
 * longer than {@link #MAX_CELL} characters are cut with an ellipsis; control characters and
 * terminal escape sequences in cells are removed, so data cannot drive the terminal. Ends with
 * the row count ({@code 0 rows}, {@code 1 row}, ...).
 */
public final class ResultTable {
    /** Longest cell, in characters. */
    public static final int MAX_CELL = 60;
    private static final String ELLIPSIS = "\u2026";
    private static final Pattern ESCAPES = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]" // CSI: colours, cursor moves
            + "|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?" // OSC: titles, hyperlinks
            + "|\u001B[@-_]?" // other escapes
            + "|\u009B[0-?]*[ -/]*[@-~]"); // 8-bit CSI
    private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}\u202A-\u202E\u2066-\u2069]+");

    private ResultTable() {
    }

    /**
     * Writes {@code rs} as a table. {@code labels} gives labels for IRIs (may answer null for some;
     * called once with every IRI that needs one).
     */
    public static void write(OutputStream out, ResultSet rs, PrefixMapping prefixes,
                             Function<Set<Node>, Map<Node, String>> labels) {
        List<String> vars = rs.getResultVars();
        List<QuerySolution> rows = new ArrayList<>();
        rs.forEachRemaining(rows::add);
        Set<String> varSet = Set.copyOf(vars);
        List<String> columns = new ArrayList<>();
        for (String v : vars) {
            if (!(v.endsWith("Label") && varSet.contains(v.substring(0, v.length() - "Label".length())))) {
                columns.add(v);
            }
        }
        Set<Node> needLabels = new LinkedHashSet<>();
        for (QuerySolution s : rows) {
            for (String c : columns) {
                RDFNode n = s.get(c);
                RDFNode l = varSet.contains(c + "Label") ? s.get(c + "Label") : null;
                if (n != null && n.isURIResource() && (l == null || (l.isLiteral()
                        && l.asLiteral().getLexicalForm().equals(n.asResource().getURI())))) {
                    needLabels.add(n.asNode());
                }
            }
        }
        Map<Node, String> known = needLabels.isEmpty() || labels == null ? Map.of() : labels.apply(needLabels);
        List<String[]> cells = new ArrayList<>(rows.size());
        for (QuerySolution s : rows) {
            String[] row = new String[columns.size()];
            for (int i = 0; i < row.length; i++) {
                String c = columns.get(i);
                RDFNode label = varSet.contains(c + "Label") ? s.get(c + "Label") : null;
                if (label != null && s.get(c) != null && s.get(c).isURIResource() && label.isLiteral()
                        && label.asLiteral().getLexicalForm().equals(s.get(c).asResource().getURI())) {
                    label = null; // the query fell back to the IRI itself
                }
                row[i] = cell(label != null ? text(label.asNode(), prefixes, Map.of()) : text(s.get(c) == null ? null
                        : s.get(c).asNode(), prefixes, known));
            }
            cells.add(row);
        }
        int[] width = new int[columns.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = length(columns.get(i));
            for (String[] row : cells) {
                width[i] = Math.max(width[i], length(row[i]));
            }
        }
        PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        if (!columns.isEmpty()) {
            w.println(line(columns.toArray(String[]::new), width));
            String[] rule = new String[width.length];
            for (int i = 0; i < width.length; i++) {
                rule[i] = "-".repeat(width[i]);
            }
            w.println(line(rule, width));
            for (String[] row : cells) {
                w.println(line(row, width));
            }
        }
        w.println(rows.size() + (rows.size() == 1 ? " row" : " rows"));
        w.flush();
    }

    /** The text of a node: a label, a literal's lexical form, a short IRI. */
    static String text(Node n, PrefixMapping prefixes, Map<Node, String> labels) {
        if (n == null) {
            return "";
        }
        if (n.isLiteral()) {
            return n.getLiteralLexicalForm();
        }
        if (n.isURI()) {
            String label = labels.get(n);
            if (label != null) {
                return label;
            }
            String iri = n.getURI();
            String best = null;
            for (Map.Entry<String, String> e : prefixes.getNsPrefixMap().entrySet()) {
                if (iri.startsWith(e.getValue()) && (best == null || e.getValue().length()
                        > prefixes.getNsPrefixURI(best).length())) {
                    best = e.getKey();
                }
            }
            String base = org.conflictkg.rdf.CKG.BASE;
            if ((best == null || prefixes.getNsPrefixURI(best).length() < base.length()) && iri.startsWith(base)) {
                return iri.substring(base.length()); // the project's own IRIs: their path says what they are
            }
            String shortForm = best == null ? iri : best + ":" + iri.substring(prefixes.getNsPrefixURI(best).length());
            return shortForm;
        }
        return n.isBlank() ? "_:" + n.getBlankNodeLabel() : n.toString();
    }

    /** Safe for a terminal, on one line, at most {@link #MAX_CELL} characters. */
    static String cell(String s) {
        String clean = CONTROLS.matcher(ESCAPES.matcher(s).replaceAll("")).replaceAll(" ").strip();
        if (clean.codePointCount(0, clean.length()) > MAX_CELL) {
            clean = clean.substring(0, clean.offsetByCodePoints(0, MAX_CELL - 1)).stripTrailing() + ELLIPSIS;
        }
        return clean;
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    private static String line(String[] cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            sb.append(cells[i]);
            if (i < cells.length - 1) {
                sb.append(" ".repeat(width[i] - length(cells[i]) + 2));
            }
        }
        return sb.toString().stripTrailing();
    }
}
