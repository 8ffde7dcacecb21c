package org.conflictkg.server;

import java.io.InputStream;
import java.util.Locale;

import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.web.HttpNames;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.modify.UsingList;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateAction;
import org.apache.jena.update.UpdateException;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;

import jakarta.servlet.http.HttpServletResponse;

/**
 * SPARQL Update screened before anything runs: the request is parsed once, in whole (a syntax
 * error anywhere is HTTP 400 and nothing is executed); {@code LOAD} from anything but
 * {@code http:}/{@code https:} IRIs and {@code SERVICE} anywhere in a {@code WHERE} clause (also
 * inside {@code EXISTS} and subqueries) are HTTP 403; then the parsed request, not the text, is
 * executed in one write transaction. An operation that cannot be done as asked ({@code ADD} of a
 * graph that does not exist) is HTTP 400; a {@code LOAD} whose source cannot be fetched or is not
 * RDF is HTTP 502. The body's size is bounded by the server's request limit
 * ({@link KgServer.Builder#maxUpload}): beyond it, HTTP 413.
 */
final class GuardedUpdate extends SPARQL_Update {

    @Override
    protected void execute(HttpAction action, InputStream input) {
        UpdateRequest request = parse(action, input);
        String refused = refusal(request);
        if (refused != null) {
            ServletOps.errorForbidden(refused);
            return;
        }
        action.beginWrite();
        try {
            UpdateAction.execute(request, action.getActiveDSG());
            action.commit();
        } catch (ActionErrorException ex) {
            abortQuietly(action);
            throw ex;
        } catch (UpdateException ex) {
            // The request cannot be done as asked (e.g. ADD or COPY of a graph that does not exist).
            abortQuietly(action);
            ServletOps.errorBadRequest("the update failed: " + oneLine(ex.getMessage()));
        } catch (HttpException ex) {
            // LOAD: the source could not be fetched.
            abortQuietly(action);
            ServletOps.error(HttpServletResponse.SC_BAD_GATEWAY, "LOAD failed: " + oneLine(ex.getMessage()));
        } catch (RiotException ex) {
            // LOAD: the source is not valid RDF.
            abortQuietly(action);
            ServletOps.error(HttpServletResponse.SC_BAD_GATEWAY, "LOAD failed: the source is not valid RDF: " + oneLine(ex.getMessage()));
        } catch (QueryException ex) {
            abortQuietly(action);
            ServletOps.errorBadRequest(ex.getMessage());
        } catch (RuntimeException ex) {
            abortQuietly(action);
            ServletOps.errorOccurred(ex.getMessage(), ex);
        } finally {
            action.endWrite();
        }
    }

    /** The whole request, parsed from the stream once; 400 on any syntax error, 413 if the body is too large. */
    private static UpdateRequest parse(HttpAction action, InputStream input) {
        UsingList using = usingList(action);
        try {
            return UpdateFactory.read(using, input, Fuseki.BaseParserSPARQL, Syntax.syntaxARQ);
        } catch (RuntimeException ex) {
            if (tooLarge(ex)) {
                ServletOps.error(413, "the update is larger than the server's limit");
            }
            ServletOps.errorBadRequest("the update was not run: " + oneLine(ex.getMessage()));
            return null;
        }
    }

    /** Why {@code request} must not run, or null if it may. */
    static String refusal(UpdateRequest request) {
        for (Update u : request.getOperations()) {
            if (u instanceof UpdateLoad load && !isRemote(load.getSource())) {
                return "LOAD from " + load.getSource() + " is refused: only http(s) sources";
            }
            if (u instanceof UpdateModify modify && hasService(modify.getWherePattern())) {
                return "SERVICE is refused";
            }
        }
        return null;
    }

    /** True if the pattern calls SERVICE anywhere, including inside EXISTS and subqueries. */
    static boolean hasService(Element where) {
        if (where == null) {
            return false;
        }
        boolean[] found = {false};
        Walker.walk(Algebra.compile(where), new OpVisitorBase() {
            @Override
            public void visit(OpService op) {
                found[0] = true;
            }
        }, new ExprVisitorBase());
        return found[0];
    }

    static boolean isRemote(String iri) {
        String s = iri == null ? "" : iri.toLowerCase(Locale.ROOT);
        return s.startsWith("http://") || s.startsWith("https://");
    }

    /** The protocol's {@code using-graph-uri} and {@code using-named-graph-uri} parameters. */
    private static UsingList usingList(HttpAction action) {
        UsingList using = new UsingList();
        String[] graphs = action.getRequest().getParameterValues(HttpNames.paramUsingGraphURI);
        String[] named = action.getRequest().getParameterValues(HttpNames.paramUsingNamedGraphURI);
        if (graphs != null) {
            for (String g : graphs) {
                using.addUsing(iri(g));
            }
        }
        if (named != null) {
            for (String g : named) {
                using.addUsingNamed(iri(g));
            }
        }
        return using;
    }

    private static Node iri(String s) {
        try {
            return NodeFactory.createURI(IRIx.create(Fuseki.BaseParserSPARQL).resolve(s).str());
        } catch (IRIException ex) {
            ServletOps.errorBadRequest("SPARQL Update: bad IRI: " + s);
            return null;
        }
    }

    private static boolean tooLarge(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if ((c instanceof org.eclipse.jetty.http.HttpException h && h.getCode() == 413) || (c instanceof ActionErrorException a && a.getRC() == 413)) {
                return true;
            }
        }
        return false;
    }

    private static String oneLine(String s) {
        return s == null ? "syntax error" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static void abortQuietly(HttpAction action) {
        try {
            action.abort();
        } catch (RuntimeException ignored) {
            // the transaction is ending anyway
        }
    }
}
