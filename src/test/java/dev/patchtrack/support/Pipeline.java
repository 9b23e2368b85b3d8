package dev.patchtrack.support;

import dev.patchtrack.core.mail.MailLimits;
import dev.patchtrack.core.mail.MailParser;
import dev.patchtrack.core.mail.MboxReader;
import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.model.ParsedMail;
import dev.patchtrack.core.patch.PatchAnalyzer;
import dev.patchtrack.core.series.SeriesBuilder;
import dev.patchtrack.core.series.SeriesModel.SeriesDraft;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The pure pipeline on test fixtures: mbox reader, mail parser, patch analyser, series builder. */
public final class Pipeline {

    private Pipeline() {
    }

    /** One message as the reader, parser and analyser saw it. */
    public record Parsed(MboxReader.MboxEntry entry, ParsedMail mail, MailFacts facts) {
    }

    /**
     * The bytes of the project's own fixture {@code fixtures/<path>} (src/test/resources). Patchwork's mail is
     * not there: read it in place with {@link #patchwork}.
     */
    public static byte[] fixture(String path) {
        try (InputStream in = Pipeline.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path
                        + " in src/test/resources/fixtures (Patchwork's files are read with Pipeline.patchwork)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text (UTF-8) of the project's own fixture {@code fixtures/<path>}, e.g. an LWN page. */
    public static String fixtureText(String path) {
        return new String(fixture(path), StandardCharsets.UTF_8);
    }

    /** The bytes of Patchwork's {@code ../shared/corpus/patchwork/<path>}, e.g. {@code series/revision-basic.mbox}. */
    public static byte[] patchwork(String path) {
        return Corpus.patchworkBytes(path);
    }

    /**
     * A Patchwork {@code .mbox.template} (Python format syntax) under ../shared/corpus/patchwork with its
     * fields filled in: {@code {name}} by the value given, {@code {{} and {@code }}} by single braces.
     */
    public static byte[] template(String path, Map<String, String> fields) {
        String text = new String(patchwork(path), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < text.length() && text.charAt(i + 1) == c) {
                out.append(c);
                i++;
            } else if (c == '{') {
                int close = text.indexOf('}', i);
                String name = text.substring(i + 1, close);
                if (!fields.containsKey(name)) {
                    throw new IllegalArgumentException(path + ": no value for {" + name + "}");
                }
                out.append(fields.get(name));
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static List<Parsed> parse(byte[] mbox) {
        return parse(mbox, MailLimits.DEFAULTS);
    }

    public static List<Parsed> parse(byte[] mbox, MailLimits limits) {
        MailParser parser = new MailParser(limits);
        PatchAnalyzer analyzer = new PatchAnalyzer();
        List<Parsed> out = new ArrayList<>();
        for (MboxReader.MboxEntry e : entries(mbox, limits)) {
            ParsedMail mail = parser.parse(e.raw());
            out.add(new Parsed(e, mail, analyzer.analyze(mail)));
        }
        return out;
    }

    /** The messages of an mbox as the reader splits it within the limits, before any parsing. */
    public static List<MboxReader.MboxEntry> entries(byte[] mbox, MailLimits limits) {
        List<MboxReader.MboxEntry> out = new ArrayList<>();
        try (MboxReader reader = MboxReader.open(new ByteArrayInputStream(mbox), limits)) {
            MboxReader.MboxEntry e;
            while ((e = reader.next()) != null) {
                out.add(e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public static List<MailFacts> facts(byte[]... mboxes) {
        List<MailFacts> out = new ArrayList<>();
        for (byte[] m : mboxes) {
            parse(m).forEach(p -> out.add(p.facts()));
        }
        return out;
    }

    public static List<SeriesDraft> series(byte[]... mboxes) {
        return new SeriesBuilder().build(facts(mboxes));
    }
}
