package org.conflictkg.archfixture.query;

import org.conflictkg.archfixture.store.FixtureLoader;

/** A fixture for ArchitectureTest: a query layer that uses the store (allowed) while the store uses it. */
public final class FixtureQueries {
    public static String name() {
        return "q";
    }

    public static String loaded() {
        return FixtureLoader.load();
    }
}
