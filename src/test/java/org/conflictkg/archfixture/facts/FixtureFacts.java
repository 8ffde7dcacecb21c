package org.conflictkg.archfixture.facts;

/** A fixture for ArchitectureTest: a lower layer, used as it may be. */
public final class FixtureFacts {
    public static String id() {
        return "facts";
    }
}
