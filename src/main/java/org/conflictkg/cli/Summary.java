package org.conflictkg.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Option;

/**
 * The one summary line a command ends with: {@code WHAT -> WHERE} for people, or with
 * {@code --json} one JSON object ({@code {"command": ..., counts..., "target": ...}}) on standard
 * output for scripts. {@code --quiet} prints neither.
 */
final class Summary {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The {@code --json} option (a picocli mixin). */
    static final class JsonOption {
        @Option(names = "--json", description = "Print the summary as one JSON object on standard output.")
        boolean json;

        /**
         * For a command that writes {@code what} to standard output without {@code -o}: {@code --json}
         * without {@code output} is bad usage (the summary would be mixed into the data).
         */
        void checkOutput(picocli.CommandLine cl, Object output, String what) {
            if (json && output == null) {
                throw new picocli.CommandLine.ParameterException(cl, "--json prints the summary on standard output, "
                        + "which carries " + what + " without -o: give -o");
            }
        }
    }

    private final String command;
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private String text;
    private String target;

    private Summary(String command) {
        this.command = command;
    }

    static Summary of(String command) {
        return new Summary(command);
    }

    /** A count or value for the JSON form. */
    Summary put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    /** What was done, for people. */
    Summary text(String text) {
        this.text = text;
        return this;
    }

    /** Where it went (a folder, a file, a URL). */
    Summary target(Object target) {
        this.target = target == null ? null : target.toString();
        return this;
    }

    /** The line for people. */
    String line() {
        return text + (target == null ? "" : " -> " + target);
    }

    /** The JSON object, on one line. */
    String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", command);
        m.putAll(fields);
        if (target != null) {
            m.put("target", target);
        }
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Prints the summary: JSON on {@code out} with {@code json}; else the line on {@code human}
     * (standard output, or standard error where standard output carries data); nothing when quiet.
     */
    void print(PrintWriter out, PrintWriter human, CommonOptions common, JsonOption json) {
        if (json != null && json.json) {
            out.println(json());
            out.flush();
        } else if (common == null || !common.quiet()) {
            human.println(line());
            human.flush();
        }
    }
}
