package org.conflictkg.facts;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

/**
 * Writes the facts@1 model as JSON, in the field order of the reference example, leaving out
 * absent values and empty lists. What it writes, {@link FactsReader} reads back to an equal model.
 */
public final class FactsWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private FactsWriter() {
    }

    public static String toJson(ArticleFacts facts) {
        StringWriter w = new StringWriter();
        write(facts, w);
        return w.toString();
    }

    public static void write(ArticleFacts facts, OutputStream out) {
        generate(facts, () -> JSON.createGenerator(out), true);
    }

    public static void write(ArticleFacts facts, Writer out) {
        generate(facts, () -> JSON.createGenerator(out), true);
    }

    /**
     * Writes {@code facts} as one line of JSON Lines: compact, ended by a line feed (the body's
     * own line breaks are escaped inside the string, so the document stays on one line).
     */
    public static void writeLine(ArticleFacts facts, Writer out) {
        generate(facts, () -> JSON.createGenerator(out), false);
    }

    private interface GeneratorSource {
        JsonGenerator open() throws IOException;
    }

    /** Writes one member's fields, between the braces {@link #objects} writes around them. */
    private interface Fields<T> {
        void write(JsonGenerator g, T x) throws IOException;
    }

    private static void generate(ArticleFacts facts, GeneratorSource source, boolean pretty) {
        try (JsonGenerator g = source.open()) {
            write(facts, g, pretty);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(ArticleFacts f, JsonGenerator g, boolean pretty) throws IOException {
        if (pretty) {
            g.setPrettyPrinter(new DefaultPrettyPrinter().withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE));
        }
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        g.writeStringField("format", ArticleFacts.FORMAT);
        Review r = f.review();
        if (r != null) {
            g.writeObjectFieldStart("review");
            str(g, "reviewer", r.reviewer());
            str(g, "reviewedAt", r.reviewedAt().toString());
            str(g, "draft", r.draft());
            g.writeEndObject();
        }
        Article a = f.article();
        g.writeObjectFieldStart("article");
        str(g, "id", a.id());
        str(g, "title", a.title());
        str(g, "publisher", a.publisher());
        str(g, "published", a.published() == null ? null : a.published().toString());
        str(g, "url", a.url());
        str(g, "language", a.language());
        list(g, "credits", a.credits());
        str(g, "text", a.text());
        g.writeEndObject();

        objects(g, "actors", f.actors(), FactsWriter::actor);
        objects(g, "places", f.places(), FactsWriter::place);
        objects(g, "highways", f.highways(), FactsWriter::highway);
        objects(g, "events", f.events(), FactsWriter::event);
        objects(g, "controlStates", f.controlStates(), FactsWriter::controlState);
        objects(g, "figures", f.figures(), FactsWriter::figure);
        g.writeEndObject();
        g.writeRaw('\n');
    }

    private static <T> void objects(JsonGenerator g, String name, List<T> members, Fields<T> fields)
            throws IOException {
        g.writeArrayFieldStart(name);
        for (T x : members) {
            g.writeStartObject();
            fields.write(g, x);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void actor(JsonGenerator g, Actor x) throws IOException {
        str(g, "id", x.id());
        str(g, "name", x.name());
        str(g, "kind", code(x.kind()));
        str(g, "side", x.side());
        list(g, "mentions", x.mentions());
        list(g, "alliedWith", x.alliedWith());
        str(g, "ledBy", x.ledBy());
        str(g, "memberOf", x.memberOf());
        list(g, "formerlyAffiliatedWith", x.formerlyAffiliatedWith());
        str(g, "basedIn", x.basedIn());
        str(g, "role", x.role());
        str(g, "wikidata", x.wikidata());
    }

    private static void place(JsonGenerator g, Place x) throws IOException {
        str(g, "id", x.id());
        str(g, "name", x.name());
        str(g, "kind", code(x.kind()));
        str(g, "within", x.within());
        str(g, "geonames", x.geonames());
        str(g, "wikidata", x.wikidata());
        list(g, "mentions", x.mentions());
    }

    private static void highway(JsonGenerator g, Highway x) throws IOException {
        str(g, "id", x.id());
        str(g, "name", x.name());
        list(g, "route", x.route());
        evidence(g, x.evidence());
    }

    private static void event(JsonGenerator g, Event x) throws IOException {
        str(g, "id", x.id());
        str(g, "type", x.type());
        str(g, "name", x.name());
        str(g, "place", x.place());
        str(g, "highway", x.highway());
        str(g, "from", x.from());
        str(g, "to", x.to());
        str(g, "status", code(x.status()));
        list(g, "actors", x.actors());
        list(g, "against", x.against());
        list(g, "places", x.places());
        str(g, "group", x.group());
        num(g, "distanceKm", x.distanceKm());
        dateSpec(g, "date", x.date());
        sourcing(g, x.dateText(), x.according(), x.evidence(), x.confidence());
    }

    private static void controlState(JsonGenerator g, ControlState x) throws IOException {
        str(g, "place", x.place());
        str(g, "controller", x.controller());
        date(g, "from", x.from());
        date(g, "to", x.to());
        date(g, "asOf", x.asOf());
        str(g, "status", code(x.status()));
        evidence(g, x.evidence());
    }

    private static void figure(JsonGenerator g, Figure x) throws IOException {
        str(g, "id", x.id());
        str(g, "measure", x.measure());
        num(g, "value", x.value());
        num(g, "low", x.low());
        num(g, "high", x.high());
        str(g, "qualifier", code(x.qualifier()));
        str(g, "unit", x.unit());
        str(g, "group", x.group());
        str(g, "subject", x.subject());
        str(g, "place", x.place());
        list(g, "places", x.places());
        str(g, "highway", x.highway());
        dateSpec(g, "period", x.period());
        date(g, "asOf", x.asOf());
        sourcing(g, x.dateText(), x.according(), x.evidence(), x.confidence());
    }

    /** The closing fields events and figures share: the date as written, who says so, where, how sure. */
    private static void sourcing(JsonGenerator g, String dateText, List<String> according, List<Evidence> evidence,
            Double confidence) throws IOException {
        str(g, "dateText", dateText);
        list(g, "according", according);
        evidence(g, evidence);
        if (confidence != null) {
            g.writeNumberField("confidence", confidence);
        }
    }

    private static String code(FactsEnum e) {
        return e == null ? null : e.code();
    }

    private static void str(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static void num(JsonGenerator g, String name, BigDecimal value) throws IOException {
        if (value != null) {
            g.writeFieldName(name);
            g.writeNumber(value.stripTrailingZeros().scale() <= 0
                    ? value.toBigIntegerExact().toString() : value.toPlainString());
        }
    }

    private static void date(JsonGenerator g, String name, ReducedDate value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value.toString());
        }
    }

    private static void dateSpec(JsonGenerator g, String name, DateSpec d) throws IOException {
        if (d == null) {
            return;
        }
        if (!d.interval()) {
            date(g, name, d.from());
            return;
        }
        g.writeObjectFieldStart(name);
        g.writeFieldName("from");
        if (d.from() == null) {
            g.writeNull();
        } else {
            g.writeString(d.from().toString());
        }
        g.writeFieldName("to");
        if (d.to() == null) {
            g.writeNull();
        } else {
            g.writeString(d.to().toString());
        }
        g.writeEndObject();
    }

    private static void list(JsonGenerator g, String name, List<String> values) throws IOException {
        if (values != null && !values.isEmpty()) {
            g.writeArrayFieldStart(name);
            for (String v : values) {
                g.writeString(v);
            }
            g.writeEndArray();
        }
    }

    private static void evidence(JsonGenerator g, List<Evidence> evidence) throws IOException {
        if (evidence == null || evidence.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("evidence");
        for (Evidence e : evidence) {
            g.writeStartObject();
            g.writeStringField("quote", e.quote());
            g.writeNumberField("start", e.start());
            g.writeNumberField("end", e.end());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
