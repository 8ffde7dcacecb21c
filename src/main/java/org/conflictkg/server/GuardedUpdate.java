package org.conflictkg.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.sparql.modify.request.UpdateLoad;

/**
 * SPARQL Update that refuses {@code LOAD} from anything but {@code http:} and {@code https:} IRIs,
 * so a client cannot make the server read its own files. Everything else is Fuseki's own update
 * handling.
 */
final class GuardedUpdate extends SPARQL_Update {

    @Override
    protected void execute(HttpAction action, InputStream input) {
        byte[] body;
        try {
            body = input.readAllBytes();
        } catch (IOException ex) {
            ServletOps.errorBadRequest("cannot read the update request: " + ex.getMessage());
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            UpdateRequest request = UpdateFactory.create(text, "http://localhost/");
            for (Update u : request.getOperations()) {
                if (u instanceof UpdateLoad load && !isRemote(load.getSource())) {
                    ServletOps.errorForbidden("LOAD from " + load.getSource() + " is refused: only http(s) sources");
                    return;
                }
            }
        } catch (QueryParseException ex) {
            // Fall through: Fuseki reports the syntax error itself.
        }
        super.execute(action, new ByteArrayInputStream(body));
    }

    static boolean isRemote(String iri) {
        String s = iri == null ? "" : iri.toLowerCase(Locale.ROOT);
        return s.startsWith("http://") || s.startsWith("https://");
    }
}
