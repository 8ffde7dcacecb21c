package org.conflictkg.server;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.E_LessThan;
import org.apache.jena.sparql.expr.E_LessThanOrEqual;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.NodeValue;

/**
 * A store's timeline periods ordered by date, in memory: which of them hold a day, answered
 * without reading the store. Built from the rows of {@code period-dates.rq} (period, start,
 * end); a period holds a day as {@code map-day.rq}'s FILTER says, {@code (!BOUND(?start) ||
 * ?start <= ?date) && (!BOUND(?until) || ?date < ?until)}. Starts and ends that are plain
 * {@code xsd:date}s (all that derivation writes) are compared as day numbers over the periods
 * sorted by start; any other value is compared by SPARQL's own operators, so the answer is
 * the FILTER's either way. {@link #holding} gives the periods in the order of the rows it was
 * built from.
 */
final class PeriodIndex {
    private static final Pattern PLAIN_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final long OPEN_START = Long.MIN_VALUE;
    private static final long OPEN_END = Long.MAX_VALUE;

    private final Node[] periods;
    /** Row numbers of the periods with plain dates, by start (open starts first). */
    private final int[] byStart;
    private final long[] start;
    private final long[] until;
    /** Row numbers of the periods whose start or end is not a plain date, with their values. */
    private final List<Odd> odd;

    private record Odd(int row, Node start, Node until) {}

    private PeriodIndex(Node[] periods, int[] byStart, long[] start, long[] until, List<Odd> odd) {
        this.periods = periods;
        this.byStart = byStart;
        this.start = start;
        this.until = until;
        this.odd = odd;
    }

    /** Builds the index from {@code period-dates.rq}'s rows, in their order. */
    static PeriodIndex of(List<Binding> rows) {
        int n = rows.size();
        Node[] periods = new Node[n];
        long[] start = new long[n];
        long[] until = new long[n];
        List<Integer> plain = new ArrayList<>(n);
        List<Odd> odd = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Binding b = rows.get(i);
            periods[i] = b.get("period");
            Node s = b.get("start");
            Node u = b.get("until");
            Long sd = s == null ? Long.valueOf(OPEN_START) : day(s);
            Long ud = u == null ? Long.valueOf(OPEN_END) : day(u);
            if (sd == null || ud == null) {
                odd.add(new Odd(i, s, u));
            } else {
                start[i] = sd;
                until[i] = ud;
                plain.add(i);
            }
        }
        int[] byStart = plain.stream().sorted(Comparator.comparingLong((Integer i) -> start[i]))
                .mapToInt(Integer::intValue).toArray();
        return new PeriodIndex(periods, byStart, start, until, List.copyOf(odd));
    }

    /** How many rows (period, start, end) the index holds. */
    int size() {
        return periods.length;
    }

    /** The periods holding {@code day}, each once, in the order of the rows the index was built from. */
    List<Node> holding(LocalDate day) {
        long d = day.toEpochDay();
        int[] hits = new int[byStart.length + odd.size()];
        int k = 0;
        for (int row : byStart) {
            if (start[row] > d) {
                break; // sorted by start: no later period has begun by the day
            }
            if (d < until[row]) {
                hits[k++] = row;
            }
        }
        if (!odd.isEmpty()) {
            NodeValue date = NodeValue.makeNode(NodeFactory.createLiteralDT(day.toString(), XSDDatatype.XSDdate));
            for (Odd o : odd) {
                if ((o.start() == null || holds(new E_LessThanOrEqual(NodeValue.makeNode(o.start()), date)))
                        && (o.until() == null || holds(new E_LessThan(date, NodeValue.makeNode(o.until()))))) {
                    hits[k++] = o.row();
                }
            }
        }
        int[] rows = Arrays.copyOf(hits, k);
        Arrays.sort(rows);
        Set<Node> out = new LinkedHashSet<>();
        for (int row : rows) {
            if (periods[row] != null) {
                out.add(periods[row]);
            }
        }
        return List.copyOf(out);
    }

    /** A comparison as a FILTER evaluates it: true only if it evaluates to true. */
    private static boolean holds(Expr e) {
        try {
            return e.eval(null, null).getBoolean();
        } catch (ExprEvalException ex) {
            return false;
        }
    }

    /** The day number of a plain {@code xsd:date} (no time zone), else null. */
    private static Long day(Node n) {
        if (!n.isLiteral() || !XSDDatatype.XSDdate.getURI().equals(n.getLiteralDatatypeURI())) {
            return null;
        }
        String lex = n.getLiteralLexicalForm();
        if (!PLAIN_DATE.matcher(lex).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(lex).toEpochDay();
        } catch (java.time.DateTimeException ex) {
            return null;
        }
    }
}
