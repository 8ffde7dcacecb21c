package org.conflictkg.archfixture.derive;

import org.conflictkg.archfixture.facts.FixtureFacts;

/** A fixture for ArchitectureTest: the derive stage. */
public final class FixtureDerivation {
    public static String run() {
        return FixtureFacts.id();
    }
}
