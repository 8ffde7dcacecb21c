package org.conflictkg.rdf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.apache.jena.atlas.lib.IRILib;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIx;
import org.conflictkg.names.NameFolding;

/**
 * Mints the project's IRIs. Every IRI is under {@link CKG#BASE}, deterministic from content, and
 * safe for any input string: each piece taken from input is percent-encoded as one path segment
 * (quotes, angle brackets, spaces, slashes, RTL marks and all non-ASCII included), so no name can
 * change an IRI's structure or escape its base.
 *
 * <ul>
 *   <li>{@code article/{id}}, graph {@code graph/article/{id}}</li>
 *   <li>{@code place/geonames/{id}} for a place with a GeoNames id; else
 *       {@code place/in/{country}/{group}/{folded-name}} (country: its GeoNames id or folded name;
 *       group: {@code settlement}, {@code area} or {@code site}, so that Aleppo the city and Aleppo
 *       the province stay two places), else {@code place/name/{group}/{folded-name}}</li>
 *   <li>{@code actor/{registry-id}} for a registry actor; else {@code actor/name/{folded-name}}</li>
 *   <li>{@code highway/in/{country}/{folded-name}} or {@code highway/name/{folded-name}}</li>
 *   <li>article-local facts: {@code event/{article}/{id}}, {@code figure/{article}/{id}},
 *       {@code control-period/{article}/{content-hash}}, {@code evidence/{article}/{start}-{end}},
 *       {@code route/{article}/{highway}/{position}}</li>
 * </ul>
 * A folded name that is empty (punctuation only) is replaced by {@code h-} and a hash of the name.
 */
public final class IriLib {
    private IriLib() {
    }

    /**
     * One path segment, percent-encoded so it cannot contain '/', '?', '#', '<', '>', quotes or
     * spaces. A segment that would be empty or a dot segment ("." or "..", which IRI resolution
     * removes) is prefixed with '_'; so is one that starts with '_', which keeps the mapping one-to-one.
     */
    public static String segment(String raw) {
        if (unreserved(raw)) {
            return raw;  // what the encoding below gives for these characters
        }
        return encodeSegment(raw);
    }

    /** Non-empty, only ASCII letters, digits and "-._~", not starting with '_' and not only dots. */
    static boolean unreserved(String raw) {
        int n = raw.length();
        if (n == 0 || raw.charAt(0) == '_') {
            return false;
        }
        boolean dotsOnly = true;
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (c != '.') {
                dotsOnly = false;
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '-' || c == '_' || c == '~')) {
                    return false;
                }
            }
        }
        return !dotsOnly;
    }

    /** {@link #segment} without the shortcut for plain segments. */
    static String encodeSegment(String raw) {
        if (raw.isEmpty() || raw.startsWith("_") || raw.chars().allMatch(c -> c == '.')) {
            raw = "_" + raw;
        }
        String s = IRILib.encodeUriComponent(raw);
        s = IRILib.encodeNonASCII(s);
        // encodeUriComponent leaves these unreserved-by-RFC-2396 marks; encode them to be strict.
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '!', '\'', '(', ')', '*' -> sb.append('%').append(String.format("%02X", (int) c));
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The folded-name segment of a name: {@code "Maarat al-Numan"} gives {@code maarat-al-numan}. */
    public static String nameSegment(String name) {
        String slug = NameFolding.slug(name);
        return slug.isEmpty() ? "h-" + hash(name == null ? "" : name) : segment(slug);
    }

    /** First 12 hex digits of the SHA-256 of the text, for content-derived names. */
    public static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An IRI node under the base from already-encoded segments; checked by Jena's IRI parser. */
    public static Node mint(String... segments) {
        String path = String.join("/", segments);
        String iri = CKG.BASE + path;
        if (plainPath(path)) {
            // The base is an absolute IRI and the path holds only unreserved characters, slashes
            // and percent-escapes: the result is an absolute IRI, as the parser below would say.
            return NodeFactory.createURI(iri);
        }
        IRIx checked = IRIx.create(iri);
        if (!checked.isAbsolute()) {
            throw new IllegalStateException("minted a relative IRI: " + iri);
        }
        return NodeFactory.createURI(iri);
    }

    /** Whether {@code path} is non-empty and has only ASCII letters, digits, "-._~", '/' and %XX escapes. */
    static boolean plainPath(String path) {
        int n = path.length();
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = path.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
                continue;
            }
            if (c == '%' && i + 2 < n && hex(path.charAt(i + 1)) && hex(path.charAt(i + 2))) {
                i += 2;
                continue;
            }
            return false;
        }
        return true;
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }

    public static Node article(String articleId) {
        return mint("article", segment(articleId));
    }

    public static Node articleGraph(String articleId) {
        return NodeFactory.createURI(CKG.GRAPH_ARTICLE_PREFIX + segment(articleId));
    }

    public static Node geonamesPlace(String geonamesId) {
        return mint("place", "geonames", segment(geonamesId));
    }

    /**
     * A place without a GeoNames id: its folded name and kind group within its country
     * ({@code countryKey} null if unknown; {@code group} null for a country).
     */
    public static Node namedPlace(String name, String group, String countryKey) {
        String last = nameSegment(name);
        if (countryKey == null) {
            return group == null ? mint("place", "name", last) : mint("place", "name", segment(group), last);
        }
        return mint("place", "in", segment(countryKey), segment(group == null ? "area" : group), last);
    }

    public static Node registryActor(String registryId) {
        return mint("actor", segment(registryId));
    }

    public static Node namedActor(String name) {
        return mint("actor", "name", nameSegment(name));
    }

    public static Node highway(String name, String countryKey) {
        return countryKey == null ? mint("highway", "name", nameSegment(name))
                : mint("highway", "in", segment(countryKey), nameSegment(name));
    }

    public static Node event(String articleId, String localId) {
        return mint("event", segment(articleId), segment(localId));
    }

    public static Node figure(String articleId, String localId) {
        return mint("figure", segment(articleId), segment(localId));
    }

    public static Node controlPeriod(String articleId, String contentKey) {
        return mint("control-period", segment(articleId), hash(contentKey));
    }

    public static Node evidence(String articleId, int start, int end) {
        return mint("evidence", segment(articleId), start + "-" + end);
    }

    public static Node routeStop(String articleId, String highwayLocalId, int position) {
        return mint("route", segment(articleId), segment(highwayLocalId), Integer.toString(position));
    }

    public static Node geonamesFeature(String geonamesId) {
        return NodeFactory.createURI(CKG.GEONAMES_FEATURE + segment(geonamesId) + "/");
    }

    public static Node wikidataEntity(String qid) {
        return NodeFactory.createURI(CKG.WIKIDATA_ENTITY + segment(qid));
    }
}
