package org.conflictkg.facts;

import java.util.List;

/** A road, with the ids of the places along it in order. */
public record Highway(String id, String name, List<String> route, List<Evidence> evidence) {
}
