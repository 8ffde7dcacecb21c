package org.conflictkg.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.core.VarExprList;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.PatternVars;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * A SPARQL query file with its header. The header is the comment block at the top of the file:
 * its first line says what the query answers, further comment lines add detail, and each
 * parameter has one line
 * <pre>
 * # @param NAME TYPE required|optional DESCRIPTION
 * </pre>
 * where TYPE is one of {@code date iri article string integer decimal}. A parameter binds the
 * query variable of the same name: {@link #bind} substitutes the value into the parsed query
 * ({@link QueryTransformOps#syntaxSubstitute}), never into its text. An optional parameter left
 * out leaves its variable free, so the query must then mean "any".
 */
public record NamedQuery(String name, String source, String description, List<ParamSpec> params, Query query) {

    private static final Pattern PARAM = Pattern.compile(
            "^#\\s*@param\\s+\\??([A-Za-z_][A-Za-z0-9_]*)\\s+(\\w+)\\s+(required|optional)\\b\\s*(.*)$");

    public NamedQuery {
        params = List.copyOf(params);
    }

    /**
     * Parses a query file's text.
     *
     * @param name   the query's name (file name without {@code .rq})
     * @param source where it came from, for messages
     */
    public static NamedQuery parse(String name, String source, String text) {
        List<ParamSpec> params = new ArrayList<>();
        StringBuilder description = new StringBuilder();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                if (description.length() > 0 || !params.isEmpty()) {
                    break;
                }
                continue;
            }
            if (!line.startsWith("#")) {
                break;
            }
            Matcher m = PARAM.matcher(line);
            if (m.matches()) {
                ParamType type = ParamType.named(m.group(2));
                if (type == null) {
                    throw KgQueryException.badInput(source + ":" + (i + 1) + ": unknown parameter type '"
                            + m.group(2) + "' (date, iri, article, string, integer, decimal)");
                }
                params.add(new ParamSpec(m.group(1), type, m.group(3).equals("required"), m.group(4).strip()));
            } else if (line.matches("^#\\s*@param\\b.*")) {
                throw KgQueryException.badInput(source + ":" + (i + 1)
                        + ": expected '# @param NAME TYPE required|optional DESCRIPTION'");
            } else {
                String d = line.replaceFirst("^#+\\s?", "");
                if (!d.isBlank() && params.isEmpty()) {
                    description.append(description.length() > 0 ? "\n" : "").append(d.strip());
                }
            }
        }
        Query query;
        try {
            query = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        } catch (QueryParseException ex) {
            String where = ex.getLine() > 0 ? source + ":" + ex.getLine() + ":" + ex.getColumn() : source;
            throw KgQueryException.badInput(where + ": " + firstLine(ex.getMessage()), ex);
        }
        String javaIri = javaFunction(query);
        if (javaIri != null) {
            throw KgQueryException.badInput(source + ": " + javaIri
                    + ": java: functions are not allowed; use SPARQL functions or registered ones");
        }
        return new NamedQuery(name, source, description.toString(), params, query);
    }

    /** The first {@code java:} IRI the query uses as a function or property function, or null. */
    static String javaFunction(Query query) {
        String[] found = {null};
        ExprVisitorBase exprs = new ExprVisitorBase() {
            @Override
            public void visit(ExprFunctionN f) {
                if (f instanceof E_Function fn && fn.getFunctionIRI().startsWith(InitQueryGuard.JAVA_SCHEME)) {
                    found[0] = fn.getFunctionIRI();
                }
            }
        };
        OpVisitorBase ops = new OpVisitorBase() {
            @Override
            public void visit(OpBGP bgp) {
                bgp.getPattern().forEach(t -> {
                    if (t.getPredicate().isURI() && t.getPredicate().getURI().startsWith(InitQueryGuard.JAVA_SCHEME)) {
                        found[0] = t.getPredicate().getURI();
                    }
                });
            }

            @Override
            public void visit(OpOrder order) {
                order.getConditions().forEach(c -> Walker.walk(c.getExpression(), exprs));
            }
        };
        Walker.walk(Algebra.compile(query), ops, exprs);
        return found[0];
    }

    /** The first line of the description: what the query answers. */
    public String summary() {
        int nl = description.indexOf('\n');
        return nl < 0 ? description : description.substring(0, nl);
    }

    /**
     * The query with the given parameter values substituted. For a query whose header declares
     * parameters, only those are accepted and required ones must be given; for one that declares
     * none, any parameter naming a variable of the query is accepted, its type guessed from its form.
     */
    public Query bind(Map<String, String> values) {
        Map<String, ParamSpec> declared = new LinkedHashMap<>();
        params.forEach(p -> declared.put(p.name(), p));
        Map<Var, Node> substitution = new HashMap<>();
        for (var e : values.entrySet()) {
            String key = e.getKey();
            ParamSpec spec = declared.get(key);
            ParamType type;
            if (spec != null) {
                type = spec.type();
            } else if (declared.isEmpty() && mentions(key)) {
                type = ParamType.guess(e.getValue());
            } else if (declared.isEmpty()) {
                throw KgQueryException.badInput("query " + name + " has no variable ?" + key);
            } else {
                throw KgQueryException.badInput("query " + name + " has no parameter '" + key + "' (it takes: "
                        + String.join(", ", declared.keySet()) + ")");
            }
            try {
                substitution.put(Var.alloc(key), type.parse(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw KgQueryException.badInput("parameter " + key + "=" + org.conflictkg.facts.Problem.quote(e.getValue()) + ": " + ex.getMessage());
            }
        }
        for (ParamSpec p : params) {
            if (p.required() && !values.containsKey(p.name())) {
                throw KgQueryException.badInput("query " + name + " needs --param " + p.name() + "=" + example(p.type())
                        + " (" + p.description() + ")");
            }
        }
        if (substitution.isEmpty()) {
            return query.cloneQuery();
        }
        Query bound = QueryTransformOps.syntaxSubstitute(query, substitution);
        if (bound.isSelectType()) {
            // syntaxSubstitute projects every substituted variable as (value AS ?var); the
            // columns are a contract, so keep exactly the original ones, in their order.
            List<String> columns = query.cloneQuery().getResultVars();
            for (Var v : List.copyOf(bound.getProject().getVars())) {
                if (!columns.contains(v.getVarName())) {
                    bound.getProject().remove(v);
                }
            }
        }
        keepSerializable(bound, substitution.keySet(), true);
        // Parsed back from its own text: the query run in process is then exactly the one an
        // endpoint receives (a GROUP BY (value) added above gets its internal variable from the
        // parser, clear of the aggregates' ones). The values are nodes of the syntax tree,
        // written by Jena's serializer, so nothing of theirs becomes syntax.
        return QueryFactory.create(bound.serialize(), Syntax.syntaxSPARQL_11);
    }

    /**
     * Makes a substituted query (and its subqueries) one that serializes to valid SPARQL, with
     * the same meaning. {@code syntaxSubstitute} leaves a bare constant in {@code ORDER BY}
     * (ordering by a constant is a no-op, so it is dropped), and projects {@code (value AS ?v)}
     * even where {@code ?v} is already bound, by {@code GROUP BY (value AS ?v)} or by a subquery
     * that projects it; without this, {@code --endpoint} would send text that no server parses.
     * A subquery stops projecting a substituted variable: every other mention of it became the
     * value too, so joining on it constrained nothing. The query holding the subquery then
     * projects {@code (value AS ?v)}, so {@code ?v} has the value on every row, whichever part
     * of its pattern the row comes from.
     *
     * @param substituted the variables replaced by values
     * @param top         whether {@code q} is the whole query (its columns are a contract) or a subquery
     */
    static void keepSerializable(Query q, Set<Var> substituted, boolean top) {
        // Subqueries first: what they project decides what is in scope here.
        if (q.getQueryPattern() != null) {
            ElementWalker.walk(q.getQueryPattern(), new ElementVisitorBase() {
                @Override
                public void visit(ElementSubQuery el) {
                    keepSerializable(el.getQuery(), substituted, false);
                }
            });
        }
        if (q.hasOrderBy()) {
            q.getOrderBy().removeIf(c -> c.getExpression().isConstant());
        }
        if (!top && q.getProject() != null && !q.getProject().isEmpty()) {
            VarExprList project = new VarExprList(q.getProject());
            if (project.getVars().stream().anyMatch(v -> !substituted.contains(v))) {
                q.getProject().clear();
                project.forEachVarExpr((v, e) -> {
                    if (substituted.contains(v)) {
                        return;
                    }
                    if (e == null) {
                        q.getProject().add(v);
                    } else {
                        q.getProject().add(v, e);
                    }
                });
            }
        }
        if (q.hasGroupBy()) {
            // GROUP BY (value AS ?v) becomes GROUP BY (value), the same groups, and ?v is then
            // projected as (value AS ?v): some servers (Virtuoso 7) refuse a variable defined
            // both by GROUP BY and by the projection.
            VarExprList groups = new VarExprList(q.getGroupBy());
            if (groups.getExprs().values().stream().anyMatch(org.apache.jena.sparql.expr.Expr::isConstant)) {
                q.getGroupBy().clear();
                groups.forEachVarExpr((v, e) -> {
                    if (e != null && e.isConstant()) {
                        q.addGroupBy(e);
                    } else {
                        q.getGroupBy().add(v, e);
                    }
                });
            }
        }
        if (q.getProject() != null && !q.getProject().isEmpty()) {
            Set<Var> bound = new HashSet<>(q.hasGroupBy() ? q.getGroupBy().getVars() : List.of());
            if (!q.hasGroupBy() && q.getQueryPattern() != null) {
                bound.addAll(PatternVars.vars(q.getQueryPattern()));
            }
            VarExprList project = new VarExprList(q.getProject());
            q.getProject().clear();
            project.forEachVarExpr((v, e) -> {
                if (e == null || bound.contains(v)) {
                    q.getProject().add(v);
                } else {
                    q.getProject().add(v, e);
                }
            });
        }
    }

    private boolean mentions(String var) {
        return Pattern.compile("[?$]" + Pattern.quote(var) + "\\b").matcher(query.serialize()).find();
    }

    private static String example(ParamType t) {
        return switch (t) {
            case DATE -> "YYYY-MM-DD";
            case IRI -> "IRI";
            case ARTICLE -> "ARTICLE-ID";
            case INTEGER -> "N";
            case DECIMAL -> "X.Y";
            case STRING -> "TEXT";
        };
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
