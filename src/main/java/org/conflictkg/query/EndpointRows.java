package org.conflictkg.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.expr.aggregate.AggregatorFactory;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementSubQuery;

/**
 * The rows of a SELECT query at a SPARQL endpoint, streamed, in one request or in pages, and
 * checked to be complete.
 *
 * <p>An endpoint may stop an answer at a number of rows without saying so: Virtuoso 7 sends at
 * most 1,048,576 rows over HTTP whatever its {@code ResultSetMaxRows}, and fewer when that is
 * lower. So when an answer's length may be such a limit ({@link #mayBeCut}), the endpoint is asked
 * how many rows the whole answer has ({@code COUNT(*)} over the query), and an answer short of
 * that fails ({@link KgQueryException}) rather than passing for the whole.
 *
 * <p>With a page size, the query is asked for in pages ({@code OFFSET} and {@code LIMIT}), each
 * under the server's limit. Its order is then made total: every projected variable that is not
 * computed is added to its {@code ORDER BY} after its own keys, so that the pages neither overlap
 * nor leave rows out. The timeout applies to each request.
 */
final class EndpointRows implements RowSet, AutoCloseable {
    /** Answers with fewer rows are taken as whole: no server known to us stops an answer that short. */
    static final long CHECK_FROM = 1000;

    private final String name;
    private final QuerySource source;
    private final Query query;
    private final Duration timeout;
    private final int pageSize;

    private QueryExec exec;
    private RowSet page;
    private List<Var> vars;
    private long offset;
    private long inPage;
    private long rowNumber;
    private boolean done;

    /**
     * {@code query} is a SELECT without LIMIT or OFFSET; {@code pageSize} 0 asks for the whole
     * answer in one request.
     */
    EndpointRows(String name, QuerySource source, Query query, Duration timeout, int pageSize) {
        this.name = name;
        this.source = source;
        this.timeout = timeout;
        this.pageSize = pageSize;
        this.query = pageSize > 0 ? totallyOrdered(query) : query;
        open();
        this.vars = page.getResultVars();
    }

    /** Whether {@code query} can be read this way: a SELECT that sets no LIMIT or OFFSET of its own. */
    static boolean applies(Query query) {
        return query.isSelectType() && !query.hasLimit() && !query.hasOffset();
    }

    private void open() {
        Query q = query;
        if (pageSize > 0) {
            q = query.cloneQuery();
            q.setLimit(pageSize);
            if (offset > 0) {
                q.setOffset(offset);
            }
        }
        exec = source.open(q, timeout);
        page = exec.select();
        inPage = 0;
    }

    @Override
    public boolean hasNext() {
        while (!done) {
            if (page.hasNext()) {
                return true;
            }
            closePage();
            offset += inPage;
            if (pageSize > 0 && inPage == pageSize) {
                open();
                continue;
            }
            done = true;
            checkComplete();
        }
        return false;
    }

    @Override
    public Binding next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        inPage++;
        rowNumber++;
        return page.next();
    }

    /**
     * Whether an answer of {@code rows} rows may have been stopped by the server: read in pages,
     * any of {@value #CHECK_FROM} rows or more; in one request, one whose length is a server's
     * limit, which is a round number: a multiple of 100 (Virtuoso's ResultSetMaxRows, 10,000 by
     * default) or a power of two (1,048,576 over Virtuoso's HTTP). Checking every long answer
     * would cost each one a second evaluation at the server (2.4 s for 9,558 rows at a million
     * articles).
     */
    static boolean mayBeCut(long rows, boolean paged) {
        if (rows < CHECK_FROM) {
            return false;
        }
        return paged || rows % 100 == 0 || Long.bitCount(rows) == 1;
    }

    /** Fails if the endpoint holds more rows for the query than it sent. */
    private void checkComplete() {
        if (!mayBeCut(rowNumber, pageSize > 0)) {
            return;
        }
        long all = count();
        if (all > rowNumber) {
            throw KgQueryException.failure("query " + name + ": " + source.describe() + " sent " + rowNumber + " of the "
                    + all + " rows of the answer and stopped without an error, so what was written is incomplete. "
                    + "The server limits the rows of one answer (Virtuoso 7: at most 1,048,576 over HTTP, or its "
                    + "[SPARQL] ResultSetMaxRows if lower). Narrow the query with its parameters, or ask for it in pages "
                    + "(--page-size, under that limit).", null);
        }
    }

    /** How many rows the whole answer has, asked of the endpoint. */
    private long count() {
        Query inner = query.cloneQuery();
        if (inner.getOrderBy() != null) {
            inner.getOrderBy().clear();
        }
        // The prefixes are declared once, by the outer query: a subquery cannot declare them.
        inner.setPrefixMapping(org.apache.jena.shared.PrefixMapping.Factory.create());
        Query count = new Query();
        count.setQuerySelectType();
        count.setPrefixMapping(query.getPrefixMapping());
        count.addResultVar("rows", count.allocAggregate(AggregatorFactory.createCount(false)));
        ElementGroup where = new ElementGroup();
        where.addElement(new ElementSubQuery(inner));
        count.setQueryPattern(where);
        return source.execute(count, timeout, e -> {
            RowSet rs = e.select();
            if (!rs.hasNext()) {
                return 0L;
            }
            org.apache.jena.graph.Node n = rs.next().get(Var.alloc("rows"));
            return n == null || !n.isLiteral() ? 0L : Long.parseLong(n.getLiteralLexicalForm());
        });
    }

    /**
     * {@code query} with every projected variable that is not computed added to its order, after
     * its own keys: identical rows aside, no two rows then tie, and pages are stable.
     */
    static Query totallyOrdered(Query query) {
        Query q = query.cloneQuery();
        Set<Var> keyed = new HashSet<>();
        List<SortCondition> order = q.getOrderBy() == null ? List.of() : q.getOrderBy();
        for (SortCondition c : order) {
            if (c.getExpression().isVariable()) {
                keyed.add(c.getExpression().asVar());
            }
        }
        List<Var> more = new ArrayList<>();
        for (Var v : q.getProjectVars()) {
            if (q.getProject().getExpr(v) == null && !keyed.contains(v)) {
                more.add(v);
            }
        }
        for (Var v : more) {
            q.addOrderBy(v, Query.ORDER_DEFAULT);
        }
        return q;
    }

    private void closePage() {
        if (exec != null) {
            exec.close();
            exec = null;
        }
    }

    @Override
    public List<Var> getResultVars() {
        return vars;
    }

    @Override
    public long getRowNumber() {
        return rowNumber;
    }

    @Override
    public void close() {
        done = true;
        closePage();
    }
}
