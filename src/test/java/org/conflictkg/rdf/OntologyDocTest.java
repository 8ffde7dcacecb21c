package org.conflictkg.rdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.ModelFactory;
import org.junit.jupiter.api.Test;

/** The example query of docs/ontology.md runs and traces the example's control changes. */
class OntologyDocTest {

    static final Path DOC = Path.of("docs/ontology.md");

    @Test
    void docQueryTracesControlChangesToQuoteAndSource() throws IOException {
        Matcher m = Pattern.compile("```sparql\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(DOC, StandardCharsets.UTF_8));
        assertThat(m.find()).as("a sparql block in " + DOC).isTrue();
        String query = m.group(1);

        List<String> rows = new ArrayList<>();
        var union = ModelFactory.createModelForGraph(ShapesLib.unionOf(RdfTestLib.convertExample()));
        try (QueryExecution qe = QueryExecutionFactory.create(query, union)) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                rows.add(String.join(" | ", s.getLiteral("placeLabel").getString(), s.getLiteral("status").getString(),
                        s.getLiteral("sourceLabel").getString(), s.getLiteral("quote").getString()));
            }
        }
        assertThat(rows).containsExactlyInAnyOrder(
                "Maarat al-Numan | completed | The New Arab | On Wednesday opposition forces pulled out of Maarat"
                        + " al-Numan, which also lies on the M5",
                "Saraqeb | imminent | Syrian Observatory for Human Rights | Syrian regime forces were poised on Friday"
                        + " to recapture the rebel-held town of Saraqeb");
    }
}
