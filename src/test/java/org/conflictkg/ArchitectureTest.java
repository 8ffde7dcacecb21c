package org.conflictkg;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of docs/architecture.md, as rules: each layer names the layers it may use (a
 * layer may always use itself), and no two packages depend on each other, directly or through
 * others. The same rules, applied to deliberately broken fixture packages, must fail.
 */
class ArchitectureTest {
    static JavaClasses main;

    @BeforeAll
    static void importMain() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.conflictkg");
    }

    /** The layer rule for the packages below {@code root}. */
    static ArchRule layers(String root) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("base").definedBy(root, root + ".names..", root + ".pipeline..", root + ".http..", root + ".io..")
                .layer("facts").definedBy(root + ".facts..")
                .layer("gazetteer").definedBy(root + ".gazetteer..")
                .layer("rdf").definedBy(root + ".rdf..")
                .layer("geojson").definedBy(root + ".geojson..")
                .layer("extract").definedBy(root + ".extract..")
                .layer("synth").definedBy(root + ".synth..")
                .layer("store").definedBy(root + ".store..")
                .layer("derive").definedBy(root + ".derive..")
                .layer("link").definedBy(root + ".link..")
                .layer("query").definedBy(root + ".query..")
                .layer("export").definedBy(root + ".export..")
                .layer("review").definedBy(root + ".review..")
                .layer("server").definedBy(root + ".server..")
                .layer("cli").definedBy(root + ".cli..")
                .whereLayer("base").mayNotAccessAnyLayer()
                .whereLayer("facts").mayOnlyAccessLayers("base")
                .whereLayer("gazetteer").mayOnlyAccessLayers("base", "facts")
                .whereLayer("rdf").mayOnlyAccessLayers("base", "facts")
                .whereLayer("geojson").mayOnlyAccessLayers("base")
                .whereLayer("extract").mayOnlyAccessLayers("base", "facts", "gazetteer", "rdf")
                .whereLayer("synth").mayOnlyAccessLayers("base", "facts", "gazetteer", "rdf")
                .whereLayer("store").mayOnlyAccessLayers("base", "facts", "gazetteer", "rdf")
                .whereLayer("derive").mayOnlyAccessLayers("base", "facts", "gazetteer", "rdf")
                .whereLayer("link").mayOnlyAccessLayers("base", "facts", "gazetteer", "rdf", "extract", "store", "derive")
                .whereLayer("query").mayOnlyAccessLayers("base", "facts", "gazetteer", "rdf", "geojson", "extract", "store", "derive")
                .whereLayer("export").mayOnlyAccessLayers("base", "facts", "gazetteer", "rdf", "geojson", "store", "derive",
                        "link", "query")
                .whereLayer("review").mayOnlyAccessLayers("base", "facts", "gazetteer", "extract")
                .whereLayer("server").mayOnlyAccessLayers("base", "facts", "gazetteer", "rdf", "geojson", "extract", "store",
                        "derive", "link", "query", "export", "review")
                .whereLayer("cli").mayOnlyAccessLayers("base", "facts", "gazetteer", "rdf", "geojson", "extract", "synth",
                        "store", "derive", "link", "query", "export", "review", "server");
    }

    /** No cycle among the packages directly below {@code root}. */
    static ArchRule noCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    @Test
    void packagesKeepToTheirLayers() {
        layers("org.conflictkg").check(main);
    }

    @Test
    void packagesHaveNoCycles() {
        noCycles("org.conflictkg").check(main);
    }

    @Test
    void theRulesSeeTheWholeCodeBase() {
        assertThat(main.containPackage("org.conflictkg.cli")).isTrue();
        assertThat(main.containPackage("org.conflictkg.names")).isTrue();
        assertThat(main.stream().filter(c -> c.getPackageName().startsWith("org.conflictkg.")).count()).isGreaterThan(100);
        assertThat(main.stream().noneMatch(c -> c.getPackageName().contains("archfixture"))).isTrue();
    }

    /** The packages directly below org.conflictkg that a layer of {@link #layers} names. */
    static final java.util.Set<String> LAYERED = java.util.Set.of("names", "pipeline", "http", "io", "facts", "gazetteer",
            "rdf", "geojson", "extract", "synth", "store", "derive", "link", "query", "export", "review", "server", "cli");

    @Test
    void everyPackageIsInALayer() {
        java.util.Set<String> top = new java.util.TreeSet<>();
        main.stream().map(c -> c.getPackageName()).filter(n -> n.startsWith("org.conflictkg."))
                .map(n -> n.substring("org.conflictkg.".length()).split("\\.")[0]).forEach(top::add);
        assertThat(LAYERED).containsAll(top);
    }

    /** Fixture packages where the store imports the derive stage and store and query use each other. */
    static JavaClasses fixture() {
        return new ClassFileImporter().importPackages("org.conflictkg.archfixture");
    }

    @Test
    void theLayerRuleFailsOnAForbiddenImport() {
        assertThatThrownBy(() -> layers("org.conflictkg.archfixture").check(fixture()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("archfixture.store.FixtureLoader")
                .hasMessageContaining("archfixture.derive.FixtureDerivation")
                .hasMessageContaining("archfixture.query.FixtureQueries")
                .hasMessageNotContaining("archfixture.facts.FixtureFacts>");
    }

    @Test
    void theCycleRuleFailsOnACycle() {
        assertThatThrownBy(() -> noCycles("org.conflictkg.archfixture").check(fixture()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("store")
                .hasMessageContaining("query");
    }
}
