package org.conflictkg.facts;

import java.util.List;

/** Who held a place over a period, or as of a date ("out of regime hands since 2012"). */
public record ControlState(String place, String controller, ReducedDate from, ReducedDate to, ReducedDate asOf,
                           Status status, List<Evidence> evidence) {
}
