package org.conflictkg.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.conflictkg.cli.Main;

import picocli.CommandLine;

/** Runs conflict-kg commands in this JVM, as a user would on the command line. */
final class Cli {
    private Cli() {
    }

    /** Whether this build of conflict-kg has subcommand {@code name}. */
    static boolean has(String name) {
        return Main.newCommandLine().getSubcommands().containsKey(name);
    }

    /** Whether this build's named query {@code query} declares parameter {@code param}. */
    static boolean queryDeclares(String query, String param) {
        return org.conflictkg.query.NamedQueries.named(query).params().stream().anyMatch(p -> p.name().equals(param));
    }

    /** Runs the command; returns what it printed on standard output. Fails on a non-zero exit. */
    static String run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException("conflict-kg " + String.join(" ", args.subList(0, Math.min(3, args.size())))
                    + " ... exited " + code + ": " + err.toString().lines().limit(10).toList());
        }
        return out.toString();
    }

    static List<String> args(Object... parts) {
        List<String> out = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof List<?> l) {
                l.forEach(x -> out.add(x.toString()));
            } else {
                out.add(p.toString());
            }
        }
        return out;
    }
}
