package org.conflictkg.extract;

import java.util.List;

import org.conflictkg.facts.DateSpec;
import org.conflictkg.facts.Status;

/**
 * A control change found in text, before assembly: the place key (or highway key), who loses
 * ({@code from}, may be null) and who gains ({@code to}), status, date, sources, evidence spans and
 * the confidence in [0,1] that the statement is a change of control as drafted.
 */
public record ControlChange(String place, String highway, String from, String to, Status status, DateSpec date,
                            String dateText, List<String> according, List<Span> evidence, double confidence) {
}
