package org.conflictkg.archfixture.store;

import org.conflictkg.archfixture.derive.FixtureDerivation;
import org.conflictkg.archfixture.facts.FixtureFacts;
import org.conflictkg.archfixture.query.FixtureQueries;

/** A fixture for ArchitectureTest: a store that imports the derive stage and the query layer above it. */
public final class FixtureLoader {
    public static String load() {
        return FixtureFacts.id() + FixtureDerivation.run() + FixtureQueries.name();
    }
}
