package dev.patchtrack.core.feed;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes feeds as Atom 1.0 and RSS 2.0. All text goes through the XML writer, which escapes
 * markup, and through {@link #xmlText}, which drops characters XML 1.0 cannot carry: a subject
 * holding {@code <script>}, {@code &} or control characters stays text.
 */
public final class FeedWriter {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private FeedWriter() {
    }

    public static String atom(Feed feed) {
        return write(w -> {
            w.writeStartElement("feed");
            w.writeDefaultNamespace(ATOM);
            text(w, "id", feed.id());
            text(w, "title", feed.title());
            text(w, "updated", iso(feed.updated()));
            link(w, "alternate", feed.link());
            link(w, "self", feed.self());
            w.writeStartElement("generator");
            w.writeCharacters("patchtrack");
            w.writeEndElement();
            for (Feed.Entry e : feed.entries()) {
                w.writeStartElement("entry");
                text(w, "id", e.id());
                text(w, "title", e.title());
                text(w, "updated", iso(e.updated() != null ? e.updated() : feed.updated()));
                if (e.published() != null) {
                    text(w, "published", iso(e.published()));
                }
                link(w, "alternate", e.link());
                w.writeStartElement("author");
                text(w, "name", e.author() != null && !e.author().isBlank() ? e.author() : "patchtrack");
                w.writeEndElement();
                for (String c : e.categories()) {
                    w.writeEmptyElement("category");
                    w.writeAttribute("term", xmlText(c));
                }
                if (e.summary() != null) {
                    w.writeStartElement("summary");
                    w.writeAttribute("type", "text");
                    w.writeCharacters(xmlText(e.summary()));
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    public static String rss(Feed feed) {
        return write(w -> {
            w.writeStartElement("rss");
            w.writeAttribute("version", "2.0");
            w.writeNamespace("atom", ATOM);
            w.writeStartElement("channel");
            text(w, "title", feed.title());
            text(w, "link", feed.link());
            text(w, "description", feed.title());
            w.writeEmptyElement("atom", "link", ATOM);
            w.writeAttribute("href", xmlText(feed.self()));
            w.writeAttribute("rel", "self");
            w.writeAttribute("type", "application/rss+xml");
            text(w, "lastBuildDate", rfc822(feed.updated()));
            text(w, "generator", "patchtrack");
            for (Feed.Entry e : feed.entries()) {
                w.writeStartElement("item");
                text(w, "title", e.title());
                text(w, "link", e.link());
                w.writeStartElement("guid");
                w.writeAttribute("isPermaLink", "false");
                w.writeCharacters(xmlText(e.id()));
                w.writeEndElement();
                Instant when = e.published() != null ? e.published() : e.updated();
                if (when != null) {
                    text(w, "pubDate", rfc822(when));
                }
                for (String c : e.categories()) {
                    text(w, "category", c);
                }
                if (e.summary() != null) {
                    text(w, "description", e.summary());
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    /** Drops what XML 1.0 cannot hold (most control characters, lone surrogates, U+FFFE/U+FFFF). */
    public static String xmlText(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (b != null) {
                        b.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (ok) {
                if (b != null) {
                    b.append(c);
                }
            } else if (b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
        }
        return b == null ? s : b.toString();
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("feed could not be written", e);
        }
        return out.toString();
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(xmlText(value));
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String href) throws XMLStreamException {
        if (href == null) {
            return;
        }
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("href", xmlText(href));
    }

    private static String iso(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t == null ? Instant.EPOCH : t);
    }

    private static String rfc822(Instant t) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format((t == null ? Instant.EPOCH : t).atOffset(ZoneOffset.UTC));
    }
}
