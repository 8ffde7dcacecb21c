package org.conflictkg.query;

import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;

/** The type of a query parameter, which turns the text the user gives into one RDF term. */
public enum ParamType {
    /** {@code xsd:date}, {@code YYYY-MM-DD}. */
    DATE {
        @Override
        Node parse(String v) {
            if (!DATE_RE.matcher(v).matches() || !XSDDatatype.XSDdate.isValid(v)) {
                throw new IllegalArgumentException("expected a date YYYY-MM-DD");
            }
            return NodeFactory.createLiteralDT(v, XSDDatatype.XSDdate);
        }
    },
    /** An absolute IRI (angle brackets optional). */
    IRI {
        @Override
        Node parse(String v) {
            String s = v.startsWith("<") && v.endsWith(">") ? v.substring(1, v.length() - 1) : v;
            try {
                IRIx iri = IRIx.create(s);
                if (!iri.isAbsolute()) {
                    throw new IllegalArgumentException("expected an absolute IRI");
                }
            } catch (IRIException ex) {
                throw new IllegalArgumentException("expected an IRI: " + ex.getMessage());
            }
            return NodeFactory.createURI(s);
        }
    },
    /** An article: its id (as in the facts) or its graph IRI; binds the article graph IRI. */
    ARTICLE {
        @Override
        Node parse(String v) {
            if (v.startsWith("<") || v.startsWith("http://") || v.startsWith("https://")) {
                return IRI.parse(v);
            }
            return org.conflictkg.store.StoreGraphs.articleGraph(v);
        }
    },
    /** A plain string literal. */
    STRING {
        @Override
        Node parse(String v) {
            return NodeFactory.createLiteralString(v);
        }
    },
    /** {@code xsd:integer}. */
    INTEGER {
        @Override
        Node parse(String v) {
            if (!XSDDatatype.XSDinteger.isValid(v)) {
                throw new IllegalArgumentException("expected an integer");
            }
            return NodeFactory.createLiteralDT(v, XSDDatatype.XSDinteger);
        }
    },
    /** {@code xsd:decimal}. */
    DECIMAL {
        @Override
        Node parse(String v) {
            if (!XSDDatatype.XSDdecimal.isValid(v)) {
                throw new IllegalArgumentException("expected a decimal number");
            }
            return NodeFactory.createLiteralDT(v, XSDDatatype.XSDdecimal);
        }
    };

    private static final Pattern DATE_RE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    abstract Node parse(String value);

    /** The type named in a query header ({@code date}, {@code iri}, ...); null if unknown. */
    public static ParamType named(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    /**
     * For parameters no header declares: an {@code <iri>} or {@code http(s):} IRI, a date, an
     * integer, a decimal, or else a string.
     */
    public static ParamType guess(String v) {
        if ((v.startsWith("<") && v.endsWith(">")) || v.startsWith("http://") || v.startsWith("https://")
                || v.startsWith("urn:")) {
            return IRI;
        }
        if (DATE_RE.matcher(v).matches()) {
            return DATE;
        }
        if (v.matches("[+-]?\\d+")) {
            return INTEGER;
        }
        if (v.matches("[+-]?\\d*\\.\\d+")) {
            return DECIMAL;
        }
        return STRING;
    }
}
