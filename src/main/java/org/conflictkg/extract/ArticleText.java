package org.conflictkg.extract;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * An article as extraction reads it: header fields and the body. Built from an article text file
 * (a block of {@code KEY: value} lines, one blank line, the body) or from HTML (boilerplate
 * stripped with jsoup; the body is the article's paragraphs joined by blank lines).
 *
 * @param name the source's file name without extension, used for the article id
 */
public record ArticleText(String name, String title, String publisher, LocalDate published, String url,
                          String language, List<String> credits, String body) {

    private static final Pattern HEADER = Pattern.compile("([A-Z][A-Z_]*):[ \\t]*(.*)");

    /**
     * Control characters (NUL, escapes, ...) are not text: each becomes a space, so that offsets into
     * the body stay those of the file and the drafted facts read back valid. The body keeps its tabs and
     * line breaks.
     */
    public ArticleText {
        title = printable(title, false);
        publisher = printable(publisher, false);
        language = printable(language, false);
        body = printable(body, true);
        credits = credits == null ? null : credits.stream().map(c -> printable(c, false)).toList();
    }

    private static String printable(String s, boolean multiLine) {
        if (s == null) {
            return null;
        }
        char[] out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
                if (out == null) {
                    out = s.toCharArray();
                }
                out[i] = ' ';
            }
        }
        return out == null ? s : new String(out);
    }

    /** Reads a text or HTML article file; HTML is recognised by its extension or a leading tag. */
    public static ArticleText read(Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw ExtractException.badInput(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw ExtractException.badInput(file + ": cannot read (" + e.getMessage() + ")");
        }
        String fileName = file.getFileName().toString();
        String stem = fileName.replaceFirst("\\.(txt|html?|xhtml)$", "");
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".html") || lower.endsWith(".htm") || lower.endsWith(".xhtml")
                || text.stripLeading().startsWith("<")) {
            return parseHtml(stem, text, file.toString());
        }
        return parse(stem, text, file.toString());
    }

    /**
     * Parses an article text file. {@code source} names it in error messages.
     *
     * @throws ExtractException (bad input) naming the line when the header is malformed or lacks a DATE
     */
    public static ArticleText parse(String name, String text, String source) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        String title = null;
        String publisher = null;
        String url = null;
        String language = null;
        LocalDate date = null;
        List<String> credits = List.of();
        int pos = 0;
        int line = 1;
        while (true) {
            int nl = text.indexOf('\n', pos);
            if (nl < 0) {
                throw ExtractException.badInput(source + ":" + line
                        + ": expected a blank line ending the header, found end of file");
            }
            String l = text.substring(pos, nl);
            if (l.endsWith("\r")) {
                l = l.substring(0, l.length() - 1);
            }
            pos = nl + 1;
            if (l.isBlank()) {
                break;
            }
            Matcher m = HEADER.matcher(l);
            if (!m.matches()) {
                throw ExtractException.badInput(source + ":" + line + ":1: expected a header line KEY: value, found \""
                        + abbreviate(l) + "\"");
            }
            String value = m.group(2).strip();
            switch (m.group(1)) {
                case "TITLE" -> title = value;
                case "PUBLISHER" -> publisher = value;
                case "URL" -> url = value;
                case "LANGUAGE" -> language = value;
                case "CREDITS" -> credits = Arrays.stream(value.split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList();
                case "DATE" -> {
                    try {
                        date = LocalDate.parse(value.length() >= 10 ? value.substring(0, 10) : value);
                    } catch (DateTimeParseException e) {
                        throw ExtractException.badInput(source + ":" + line + ":" + (m.start(2) + 1)
                                + ": expected an ISO publication date YYYY-MM-DD, found \"" + abbreviate(value) + "\"");
                    }
                }
                default -> { } // other keys (NOTE, ...) are ignored
            }
            line++;
        }
        if (date == null) {
            throw ExtractException.badInput(source + ":1: the header has no DATE line (the publication date, YYYY-MM-DD)");
        }
        String body = text.substring(pos).replace("\r\n", "\n");
        return new ArticleText(name, title, publisher, date, url, language, credits, body);
    }

    /** Parses an HTML page: title, publisher and date from the usual meta tags; paragraphs as the body. */
    public static ArticleText parseHtml(String name, String html, String source) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, noscript, nav, header, footer, aside, form, figure, iframe, "
                + "[role=navigation], [role=banner], [role=contentinfo], .advert, .ad, .share, .related").remove();
        String title = meta(doc, "og:title");
        if (title == null) {
            Element h1 = doc.selectFirst("h1");
            title = h1 != null ? h1.text() : doc.title().isBlank() ? null : doc.title();
        }
        String publisher = meta(doc, "og:site_name");
        String url = meta(doc, "og:url");
        String lang = doc.selectFirst("html") != null ? doc.selectFirst("html").attr("lang") : "";
        String dateText = meta(doc, "article:published_time");
        if (dateText == null) {
            Element t = doc.selectFirst("time[datetime]");
            dateText = t == null ? null : t.attr("datetime");
        }
        if (dateText == null) {
            dateText = meta(doc, "date");
        }
        if (dateText == null || dateText.length() < 10) {
            throw ExtractException.badInput(source + ": no publication date (meta article:published_time, "
                    + "time[datetime] or meta date with YYYY-MM-DD)");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(dateText.substring(0, 10));
        } catch (DateTimeParseException e) {
            throw ExtractException.badInput(source + ": expected an ISO publication date, found \""
                    + abbreviate(dateText) + "\"");
        }
        Element root = doc.selectFirst("article");
        if (root == null) {
            root = doc.body();
        }
        List<String> paragraphs = new ArrayList<>();
        for (Element p : root.select("p")) {
            String t = p.text().strip();
            if (!t.isEmpty()) {
                paragraphs.add(t);
            }
        }
        if (paragraphs.isEmpty() && !root.text().isBlank()) {
            paragraphs.add(root.text().strip()); // a page without paragraphs: its text as one
        }
        String body = String.join("\n\n", paragraphs) + (paragraphs.isEmpty() ? "" : "\n");
        return new ArticleText(name, title, publisher, date, url, lang.isBlank() ? null : lang, List.of(), body);
    }

    private static String meta(Document doc, String key) {
        Element e = doc.selectFirst("meta[property=" + key + "], meta[name=" + key + "]");
        if (e == null) {
            return null;
        }
        String v = e.attr("content").strip();
        return v.isEmpty() ? null : v;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
