package org.conflictkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.conflictkg.extract.ArticleText;
import org.conflictkg.extract.ExtractException;
import org.conflictkg.extract.Extractor;
import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.FactsException;
import org.conflictkg.facts.FactsReader;
import org.conflictkg.facts.FactsWriter;
import org.conflictkg.facts.Problem;
import org.conflictkg.review.ReviewReport;
import org.conflictkg.server.ReviewFolder;
import org.conflictkg.server.ReviewServer;
import org.conflictkg.http.HttpRetry;
import org.conflictkg.store.LoadReport;
import org.conflictkg.store.LoadTarget;
import org.conflictkg.store.StoreException;
import org.conflictkg.store.StoreLoader;
import org.conflictkg.store.TdbTarget;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code review INPUT... [-o DIR] [--db DIR | --endpoint URL]}: a local page to review drafted facts;
 * {@code review --report DIR}: how good the drafts of a review folder were.
 */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Reviews drafted facts on a local page against the article text.",
                "Inputs are article text or HTML (.txt, .html, .htm; drafted with extract's extractor first), or "
                        + "facts drafts (.json, .facts.json) with their article text of the same name beside them, "
                        + "or folders of them. Each article NAME goes into the review folder: NAME.txt as it came, "
                        + "NAME.draft.json (the draft, kept unchanged), NAME.state (the review in progress) and, "
                        + "once every fact is decided and the article marked reviewed, NAME.json (the reviewed "
                        + "facts document). Running it again on the same folder resumes. The page listens on "
                        + "127.0.0.1 only and needs the one-time token in the printed address. With --db or "
                        + "--endpoint, each article marked reviewed is loaded into that store. Ctrl-C stops it.",
                "Exit 0 when stopped, 2 on bad usage or bad input (nothing is written), 1 on failure."})
final class ReviewCommand extends KgCommand {

    @Parameters(arity = "0..*", paramLabel = "INPUT",
            description = "Article files, facts drafts, or folders of them (none: resume the review folder).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "review",
            description = "The review folder (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--port", paramLabel = "N", defaultValue = "${env:CONFLICT_KG_PORT:-0}",
            description = "TCP port; 0: any free port. Default: ${DEFAULT-VALUE} (or $CONFLICT_KG_PORT)")
    int port;

    @Option(names = "--reviewer", paramLabel = "NAME",
            description = "The name recorded as the reviewer (default: the user name, ${sys:user.name}).")
    String reviewer;

    @Mixin
    GeoNamesOption geonames = new GeoNamesOption();

    @Option(names = "--no-serve", description = "Fill the review folder and stop, without serving the page.")
    boolean noServe;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Do not review: compare the drafts of the review folder DIR with their reviewed documents "
                    + "and print the drafts' precision and recall per kind of fact, per war and per confidence band.")
    Path report;

    @Mixin
    StoreTarget store;

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        if (report != null) {
            if (!inputs.isEmpty()) {
                throw usage("--report takes a review folder, not INPUT");
            }
            ReviewReport.of(report).print(out);
            return 0;
        }
        store.check(spec.commandLine());
        if (port < 0 || port > 65535) {
            throw usage("--port out of range: " + port);
        }
        if (reviewer != null && reviewer.isBlank()) {
            throw usage("--reviewer must not be blank");
        }
        geonames.check();
        OutputPaths.folder("-o", output);
        if (store.passwordFile != null) {
            store.password(); // a bad password file is bad input now, not at the first save
        }
        ReviewFolder.Builder fb = ReviewFolder.create(output).loader(loader(store, err));
        if (reviewer != null) {
            fb.reviewer(reviewer);
        }
        ReviewFolder folder = fb.build();
        List<Source> sources = sources(inputs, output);
        if (sources.isEmpty() && folder.names().isEmpty()) {
            throw usage(
                    "nothing to review: give articles or drafts (INPUT), or a review folder that has some (-o DIR)");
        }
        int added = prepare(folder, sources, err);
        int total = folder.names().size();
        if (total == 0) {
            throw ExtractException.badInput("nothing to review in " + output);
        }
        String progress = folder.reviewedCount() + " of " + total + " reviewed";
        if (noServe) {
            Summary.of("review").target(output).text(added + " added, " + progress).print(out, out, common, null);
            return 0;
        }
        ReviewServer.Builder sb = ReviewServer.create(folder).port(port);
        if (geonames.file != null) {
            sb.gazetteer(geonames.gazetteer());
        }
        ReviewServer server = sb.build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "conflict-kg-review-shutdown"));
        out.println("conflict-kg: reviewing " + total + " article" + (total == 1 ? "" : "s") + " in " + output
                + " (" + progress + ") as " + folder.reviewer() + " (Ctrl-C to stop)");
        out.println("  Review page:     " + server.url());
        if (folder.loads()) {
            out.println("  Loads into:      " + store.describe());
        }
        out.flush();
        server.join();
        return 0;
    }

    /** One article to add: its name, its draft file (null: draft it from the article) and its article file. */
    record Source(String name, Path draft, Path article) {
    }

    private static final List<String> ARTICLES = List.of(".txt", ".html", ".htm");
    private static final List<String> FACTS = List.of(ReviewFolder.DRAFT, ".facts.json", ".json");

    /** The inputs as articles; a name given twice, or a missing or unknown file, is bad input. */
    static List<Source> sources(List<Path> inputs, Path reviewDir) {
        Map<String, Path> drafts = new LinkedHashMap<>();
        Map<String, Path> articles = new LinkedHashMap<>();
        Map<String, Path> reviewed = new LinkedHashMap<>();
        for (Path p : inputs) {
            boolean folder = Files.isDirectory(p);
            List<Path> files;
            if (folder) {
                try (Stream<Path> s = Files.list(p)) {
                    files = s.filter(Files::isRegularFile).sorted().toList();
                } catch (IOException e) {
                    throw ExtractException.badInput("cannot list " + p + ": " + e.getMessage());
                }
            } else if (Files.isRegularFile(p)) {
                files = List.of(p);
            } else {
                throw ExtractException.badInput(p + ": no such file or folder");
            }
            for (Path f : files) {
                String name = f.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                String facts = FACTS.stream().filter(lower::endsWith).findFirst().orElse(null);
                String article = ARTICLES.stream().filter(lower::endsWith).findFirst().orElse(null);
                if (facts != null) {
                    String stem = name.substring(0, name.length() - facts.length());
                    // A NAME.json beside NAME.draft.json is that draft's reviewed document.
                    (facts.equals(".json") && Files.exists(f.resolveSibling(stem + ReviewFolder.DRAFT)) ? reviewed : drafts)
                            .merge(stem, f, (a, b) -> a.equals(b) ? a : duplicate(stem, a, b));
                } else if (article != null) {
                    String stem = name.substring(0, name.length() - article.length());
                    articles.merge(stem, f, (a, b) -> a.equals(b) ? a : duplicate(stem, a, b));
                } else if (!folder) {
                    throw ExtractException.badInput(f + ": not an article (.txt, .html, .htm) or facts draft (.json)");
                }
            }
        }
        List<Source> out = new ArrayList<>();
        for (var e : drafts.entrySet()) {
            Path beside = articles.get(e.getKey());
            out.add(new Source(e.getKey(), e.getValue(), beside != null
                    && beside.toAbsolutePath().getParent().equals(e.getValue().toAbsolutePath().getParent()) ? beside : null));
        }
        for (var e : articles.entrySet()) {
            if (!drafts.containsKey(e.getKey())) {
                out.add(new Source(e.getKey(), null, e.getValue()));
            }
        }
        return out;
    }

    private static Path duplicate(String name, Path a, Path b) {
        throw ExtractException.badInput("two articles named " + name + ": " + a + " and " + b);
    }

    /**
     * Drafts or reads every new article first; if any is bad, nothing is written. Articles already
     * in the folder keep their draft and review. Returns how many were added.
     */
    private int prepare(ReviewFolder folder, List<Source> sources, PrintWriter err) {
        for (Source s : sources) {
            if (s.draft() != null && !s.draft().getFileName().toString().endsWith(ReviewFolder.DRAFT)
                    && s.draft().toAbsolutePath().normalize().getParent().equals(folder.dir().toAbsolutePath().normalize())) {
                throw ExtractException.badInput(s.draft() + ": a draft in the review folder itself must be named "
                        + s.name() + ReviewFolder.DRAFT + " (NAME.json there is the reviewed document)");
            }
        }
        List<Source> fresh = sources.stream()
                .filter(s -> !Files.exists(folder.dir().resolve(s.name() + ReviewFolder.DRAFT)))
                .toList();
        List<String> drafts = new ArrayList<>(fresh.size());
        Extractor extractor = null;
        for (Source s : fresh) {
            ArticleFacts facts;
            if (s.draft() != null) {
                facts = FactsReader.read(s.draft());
            } else {
                if (extractor == null) {
                    extractor = Extractor.builder()
                            .places(geonames.places())
                            .warnings(w -> {
                                err.println("warning: " + w);
                                err.flush();
                            })
                            .build();
                }
                facts = extractor.extract(ArticleText.read(s.article()));
            }
            if (facts.article().text() == null) {
                throw new FactsException(new Problem(Problem.Severity.ERROR, String.valueOf(s.draft()), 0, 0,
                        "/article/text", "a draft needs the article text to be reviewed against"));
            }
            drafts.add(s.draft() != null ? read(s.draft()) : FactsWriter.toJson(facts));
        }
        int added = 0;
        for (int i = 0; i < fresh.size(); i++) {
            added += folder.add(fresh.get(i).name(), drafts.get(i), fresh.get(i).article()) ? 1 : 0;
        }
        return added;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads each reviewed document into the store of --db or --endpoint, through the loader and
     * inputs {@code load} uses (validated, converted, SHACL-checked, derived graph brought up to
     * date); null if neither option is given.
     */
    static ReviewFolder.Loader loader(StoreTarget store, PrintWriter err) {
        if (store.where.db == null && !store.remote()) {
            return null;
        }
        return file -> {
            try (LoadTarget t = openTarget(store, err)) {
                LoadReport r = StoreLoader.create(t, Inputs.standard(true, null))
                        .derivation(Stages.derivation()).build().load(List.of(file));
                if (!r.failures().isEmpty()) {
                    throw StoreException.failure(String.join("; ", r.failures().get(0).problems()));
                }
                return r.summary();
            }
        };
    }

    private static LoadTarget openTarget(StoreTarget store, PrintWriter err) {
        if (store.remote()) {
            return store.graphStore(HttpRetry.defaults(), err).build();
        }
        return TdbTarget.open(store.db(), TdbTarget.DEFAULT_BATCH_QUADS, TdbTarget.BulkLoader.NONE);
    }
}
