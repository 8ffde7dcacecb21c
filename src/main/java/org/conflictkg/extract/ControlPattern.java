package org.conflictkg.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.conflictkg.facts.FactsEnum;
import org.conflictkg.facts.Status;

/** One control-change pattern from {@code control-patterns.tsv}: a status, a role and the words. */
public record ControlPattern(Status status, Role role, Pattern pattern) {

    /** Where the actors and the place stand around the words; see the data file. */
    public enum Role { GAINS, LOSES, DEFENDS, PASSIVE, NOMINAL, EXPELS, HANDS }

    public static final String BUNDLED = "control-patterns.tsv";

    public static List<ControlPattern> bundled() {
        try (InputStream in = ControlPattern.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw ExtractException.failure("bundled " + BUNDLED + " missing", null);
            }
            return read(in, BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<ControlPattern> read(InputStream in, String source) throws IOException {
        List<ControlPattern> out = new ArrayList<>();
        DataFiles.rows(in, source, 3, (c, where) -> {
            Status st = FactsEnum.fromCode(Status.class, c[0]);
            if (st == null) {
                throw ExtractException.badInput(where + ": unknown status \"" + c[0] + "\"");
            }
            Role role;
            try {
                role = Role.valueOf(c[1].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ExtractException.badInput(where + ": unknown role \"" + c[1] + "\"");
            }
            out.add(new ControlPattern(st, role, DataFiles.phrase(c[2], where)));
        });
        return out;
    }
}
