package org.conflictkg.store;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.conflictkg.rdf.CKG;

/**
 * The bookkeeping a TDB2 store keeps about work still owed, in its stored default graph (which
 * queries and {@code export} do not see), so that it survives a process killed at any point:
 * <ul>
 * <li>{@code <store> ckg:derivePending <place>} (or {@code <store>} itself for the whole store, or
 * {@code <store#placeless-figures>} for the figures about no place): written in the same transaction as the article graphs that make the
 * derived graph out of date, removed in the transaction that brings it up to date;</li>
 * <li>{@code <store> ckg:compactPending true}: written before a compaction, removed after it.</li>
 * </ul>
 * Methods without a transaction of their own must run inside the caller's.
 */
public final class StoreMarks {
    private StoreMarks() {
    }

    /** The subject of every mark: {@code https://w3id.org/conflict-kg/store}. */
    static final Node STORE = TdbStores.STORE_FORMAT.getSubject();
    /** The derived graph is out of date everywhere: the store itself. */
    static final Node ALL = STORE;
    /** The disagreements between figures about no place are out of date. */
    static final Node FIGURES = NodeFactory.createURI(STORE.getURI() + "#placeless-figures");
    static final Quad COMPACT = Quad.create(Quad.defaultGraphIRI, STORE, CKG.compactPending,
            NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean));

    /** What the derived graph has not caught up with. */
    record DerivePending(boolean all, Set<Node> places, boolean figures) {
        boolean isEmpty() {
            return !all && places.isEmpty() && !figures;
        }
    }

    /** Records (inside the caller's write transaction) that the derived graph is out of date for {@code places}. */
    static void markDerive(DatasetGraph dsg, Collection<Node> places, boolean figures) {
        for (Node p : places) {
            dsg.add(Quad.defaultGraphIRI, STORE, CKG.derivePending, p);
        }
        if (figures) {
            dsg.add(Quad.defaultGraphIRI, STORE, CKG.derivePending, FIGURES);
        }
    }

    /** The quad that says the whole derived graph is out of date. */
    static Quad deriveAll() {
        return Quad.create(Quad.defaultGraphIRI, STORE, CKG.derivePending, ALL);
    }

    /** What is owed to the derived graph (inside the caller's transaction). */
    static DerivePending derivePending(DatasetGraph dsg) {
        boolean all = false;
        boolean figures = false;
        Set<Node> places = new LinkedHashSet<>();
        var it = dsg.find(Quad.defaultGraphIRI, STORE, CKG.derivePending, Node.ANY);
        while (it.hasNext()) {
            Node o = it.next().getObject();
            if (o.equals(ALL)) {
                all = true;
            } else if (o.equals(FIGURES)) {
                figures = true;
            } else {
                places.add(o);
            }
        }
        return new DerivePending(all, places, figures);
    }

    /** True if the store records a derivation still owed (a load killed, or run with --no-derive). Own read transaction. */
    public static boolean isDerivePending(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> dsg.find(Quad.defaultGraphIRI, STORE, CKG.derivePending, Node.ANY).hasNext());
    }

    /** Removes every derivation mark, inside the caller's write transaction (the one that writes the derived graph). */
    public static void clearDerivePending(DatasetGraph dsg) {
        dsg.deleteAny(Quad.defaultGraphIRI, STORE, CKG.derivePending, Node.ANY);
    }

    /** True if a compaction was started and not finished. Own read transaction. */
    static boolean isCompactPending(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> dsg.contains(COMPACT));
    }
}
