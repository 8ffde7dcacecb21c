package org.conflictkg.rdf;

import java.util.Collection;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;

/** Static helpers for SPARQL queries built as syntax, never as text with values pasted in. */
public final class SparqlLib {
    private SparqlLib() {
    }

    /**
     * A copy of {@code query} whose pattern starts with {@code VALUES ?var { values }}: the query
     * restricted to those values, each one a term (an IRI or literal from a store or a parameter),
     * not text. The caller keeps the list short enough for the server it goes to.
     */
    public static Query withValues(Query query, String var, Collection<Node> values) {
        Query q = query.cloneQuery();
        Var v = Var.alloc(var);
        ElementData data = new ElementData();
        data.add(v);
        values.forEach(x -> data.add(BindingFactory.binding(v, x)));
        ElementGroup group = new ElementGroup();
        group.addElement(data);
        if (q.getQueryPattern() instanceof ElementGroup g) {
            g.getElements().forEach(group::addElement);
        } else {
            group.addElement(q.getQueryPattern());
        }
        q.setQueryPattern(group);
        return q;
    }
}
