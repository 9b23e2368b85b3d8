package dev.patchtrack.core.lwn;

import dev.patchtrack.core.model.Problem;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jsoup.Jsoup;

/**
 * LWN's headlines feed: RSS 1.0 (RDF), as LWN serves it, and RSS 2.0 and Atom as well, read with
 * StAX (no DTDs, no external entities) into a small element tree. Lenient: an
 * item without a link is skipped and named in the problems, an unreadable date is left out; a
 * document that is not a feed at all gives no items and says why. Never throws on bad input.
 */
public final class FeedParser {

    private static final String RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    /** An element: local name, attributes by local name (and namespace-qualified for RDF), text, children. */
    private record Element(String name, Map<String, String> attributes, StringBuilder text, List<Element> children) {
        String attribute(String key) {
            return attributes.getOrDefault(key, "");
        }
    }

    /** The items of a feed, its format ({@code rss1}, {@code rss2}, {@code atom}, or null) and what was wrong. */
    public record Result(String format, List<FeedItem> items, List<Problem> problems) {
        public Result {
            items = List.copyOf(items);
            problems = List.copyOf(problems);
        }

        /** True when the document could not be read as a feed at all. */
        public boolean malformed() {
            return format == null;
        }
    }

    private FeedParser() {
    }

    public static Result parse(byte[] xml) {
        Element root;
        try {
            root = read(xml);
        } catch (XMLStreamException | RuntimeException e) {
            return new Result(null, List.of(), List.of(Problem.of(Problem.Code.FEED_MALFORMED, "feed is not well-formed XML: " + e.getMessage())));
        }
        String name = root.name();
        List<Problem> problems = new ArrayList<>();
        List<FeedItem> items = new ArrayList<>();
        String format;
        List<Element> entries;
        switch (name) {
            case "RDF" -> {
                format = "rss1";
                entries = children(root, "item");
            }
            case "rss" -> {
                format = "rss2";
                Element channel = child(root, "channel");
                entries = channel == null ? List.of() : children(channel, "item");
            }
            case "feed" -> {
                format = "atom";
                entries = children(root, "entry");
            }
            default -> {
                return new Result(null, List.of(), List.of(Problem.of(Problem.Code.FEED_MALFORMED, "not a feed: the document is <" + name + ">")));
            }
        }
        int n = 0;
        for (Element e : entries) {
            n++;
            FeedItem item = format.equals("atom") ? atomEntry(e, n, problems) : rssItem(e, n, problems);
            if (item != null) {
                items.add(item);
            }
        }
        return new Result(format, items, problems);
    }

    private static FeedItem rssItem(Element e, int n, List<Problem> problems) {
        String rawTitle = text(child(e, "title"));
        String link = text(child(e, "link"));
        if (link == null) {
            link = e.attribute("{" + RDF_NS + "}about");
        }
        if (link == null || link.isBlank()) {
            link = text(child(e, "guid"));
        }
        String url = LwnText.canonicalUrl(link);
        if (url == null) {
            problems.add(Problem.of(Problem.Code.ITEM_SKIPPED, "item " + n + " (" + rawTitle + "): no usable link"));
            return null;
        }
        String dateText = firstText(e, "date", "pubDate");
        Instant date = dateText == null ? null : date(dateText);
        if (dateText != null && date == null) {
            problems.add(Problem.of(Problem.Code.DATE_INVALID, "item " + n + " (" + url + "): unreadable date \"" + dateText + "\""));
        }
        String author = firstText(e, "creator", "author");
        return item(url, rawTitle, date, author, text(child(e, "description")));
    }

    private static FeedItem atomEntry(Element e, int n, List<Problem> problems) {
        String rawTitle = text(child(e, "title"));
        String link = null;
        for (Element l : children(e, "link")) {
            String rel = l.attribute("rel");
            if (rel.isEmpty() || rel.equals("alternate")) {
                link = l.attribute("href");
                break;
            }
        }
        String url = LwnText.canonicalUrl(link);
        if (url == null) {
            problems.add(Problem.of(Problem.Code.ITEM_SKIPPED, "entry " + n + " (" + rawTitle + "): no usable link"));
            return null;
        }
        String dateText = firstText(e, "published", "updated");
        Instant date = dateText == null ? null : date(dateText);
        if (dateText != null && date == null) {
            problems.add(Problem.of(Problem.Code.DATE_INVALID, "entry " + n + " (" + url + "): unreadable date \"" + dateText + "\""));
        }
        Element author = child(e, "author");
        String summary = firstText(e, "summary", "content");
        return item(url, rawTitle, date, author == null ? null : text(child(author, "name")), summary);
    }

    private static FeedItem item(String url, String rawTitle, Instant date, String author, String description) {
        String title = rawTitle == null ? "" : rawTitle;
        String summary = description == null ? "" : Jsoup.parse(description).text();
        return new FeedItem(url, LwnText.cleanTitle(title), LwnText.subscriberOnly(title), date, author, summary);
    }

    /** ISO 8601 (dc:date, Atom) or RFC 822 (RSS 2.0 pubDate); null when neither. */
    static Instant date(String s) {
        String v = s.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            // not ISO
        }
        try {
            return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String firstText(Element e, String... names) {
        for (String name : names) {
            String t = text(child(e, name));
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private static Element child(Element parent, String localName) {
        for (Element el : parent.children()) {
            if (localName.equals(el.name())) {
                return el;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String localName) {
        return parent.children().stream().filter(el -> localName.equals(el.name())).toList();
    }

    private static String text(Element e) {
        if (e == null) {
            return null;
        }
        String t = e.text().toString().strip();
        return t.isEmpty() ? null : t;
    }

    /** The document as an element tree; text of nested markup counts for its parent too. */
    private static Element read(byte[] xml) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(xml));
        List<Element> open = new ArrayList<>();
        Element root = null;
        try {
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        Map<String, String> attributes = new TreeMap<>();
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            String ns = r.getAttributeNamespace(i);
                            attributes.put(ns == null || ns.isEmpty() ? r.getAttributeLocalName(i)
                                    : "{" + ns + "}" + r.getAttributeLocalName(i), r.getAttributeValue(i));
                        }
                        Element e = new Element(r.getLocalName(), attributes, new StringBuilder(), new ArrayList<>());
                        if (open.isEmpty()) {
                            root = e;
                        } else {
                            open.get(open.size() - 1).children().add(e);
                        }
                        open.add(e);
                    }
                    case XMLStreamConstants.END_ELEMENT -> open.remove(open.size() - 1);
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        for (Element e : open) {
                            e.text().append(r.getText());
                        }
                    }
                    default -> {
                        // comments, processing instructions, the DTD: nothing to keep
                    }
                }
            }
        } finally {
            r.close();
        }
        if (root == null) {
            throw new XMLStreamException("no root element");
        }
        return root;
    }
}
