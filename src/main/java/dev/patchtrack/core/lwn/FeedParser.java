package dev.patchtrack.core.lwn;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jsoup.Jsoup;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * LWN's headlines feed: RSS 1.0 (RDF), as LWN serves it, and RSS 2.0 and Atom as well. Lenient: an
 * item without a link is skipped and named in the problems, an unreadable date is left out; a
 * document that is not a feed at all gives no items and says why. Never throws on bad input.
 */
public final class FeedParser {

    static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    /** The items of a feed, its format ({@code rss1}, {@code rss2}, {@code atom}, or null) and what was wrong. */
    public record Result(String format, List<FeedItem> items, List<String> problems) {
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
        Document doc;
        try {
            doc = builder().parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            return new Result(null, List.of(), List.of("feed is not well-formed XML: " + e.getMessage()));
        }
        Element root = doc.getDocumentElement();
        String name = root.getLocalName() == null ? root.getNodeName() : root.getLocalName();
        List<String> problems = new ArrayList<>();
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
                return new Result(null, List.of(), List.of("not a feed: the document is <" + name + ">"));
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

    private static FeedItem rssItem(Element e, int n, List<String> problems) {
        String rawTitle = text(child(e, "title"));
        String link = text(child(e, "link"));
        if (link == null) {
            link = e.getAttributeNS("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "about");
        }
        if (link == null || link.isBlank()) {
            link = text(child(e, "guid"));
        }
        String url = LwnText.canonicalUrl(link);
        if (url == null) {
            problems.add("item " + n + " (" + rawTitle + "): no usable link");
            return null;
        }
        String dateText = firstText(e, "date", "pubDate");
        Instant date = dateText == null ? null : date(dateText);
        if (dateText != null && date == null) {
            problems.add("item " + n + " (" + url + "): unreadable date \"" + dateText + "\"");
        }
        String author = firstText(e, "creator", "author");
        return item(url, rawTitle, date, author, text(child(e, "description")));
    }

    private static FeedItem atomEntry(Element e, int n, List<String> problems) {
        String rawTitle = text(child(e, "title"));
        String link = null;
        for (Element l : children(e, "link")) {
            String rel = l.getAttribute("rel");
            if (rel.isEmpty() || rel.equals("alternate")) {
                link = l.getAttribute("href");
                break;
            }
        }
        String url = LwnText.canonicalUrl(link);
        if (url == null) {
            problems.add("entry " + n + " (" + rawTitle + "): no usable link");
            return null;
        }
        String dateText = firstText(e, "published", "updated");
        Instant date = dateText == null ? null : date(dateText);
        if (dateText != null && date == null) {
            problems.add("entry " + n + " (" + url + "): unreadable date \"" + dateText + "\"");
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
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el && localName.equals(el.getLocalName())) {
                return el;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el && localName.equals(el.getLocalName())) {
                out.add(el);
            }
        }
        return out;
    }

    private static String text(Element e) {
        if (e == null) {
            return null;
        }
        String t = e.getTextContent().strip();
        return t.isEmpty() ? null : t;
    }

    /** Namespace-aware, no external entities or DTDs fetched, no entity expansion attacks. */
    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new DefaultHandler()); // errors are thrown, not printed
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser lacks a security feature", e);
        }
    }
}
