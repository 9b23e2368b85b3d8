package dev.patchtrack.support;

import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.series.SeriesBuilder;
import dev.patchtrack.core.series.SeriesModel.PatchSlot;
import dev.patchtrack.core.series.SeriesModel.RevisionDraft;
import dev.patchtrack.core.series.SeriesModel.SeriesDraft;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The real Rust threads of {@code ../shared/corpus/real/}, read in place and run through the pure
 * pipeline once per test run: their facts, the cover letters' text and the series the builder makes.
 * The first copy of a Message-ID delivered twice stands, as the store keeps it.
 */
public final class RealMail {

    /** The two real files and the list each was taken from. */
    public enum Archive {
        KBUILD("linux-kbuild-rust.mbox.gz", "linux-kbuild"),
        PCI("linux-pci-rust.mbox.gz", "linux-pci");

        public final String file;
        public final String list;

        Archive(String file, String list) {
            this.file = file;
            this.list = list;
        }

        public Path path() {
            Path p = Corpus.SHARED.resolve("corpus/real").resolve(file);
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException("real mail missing: " + p + " (the shared corpus belongs beside the checkout)");
            }
            return p;
        }
    }

    private static final Map<Archive, RealMail> CACHE = Collections.synchronizedMap(new EnumMap<>(Archive.class));

    public final Archive archive;
    public final Map<String, MailFacts> facts;
    /** Message bodies by Message-ID, as the parser decoded them. */
    public final Map<String, String> bodies;
    public final List<SeriesDraft> series;
    /** How many messages the file holds, duplicates included. */
    public final int messages;

    private RealMail(Archive archive) {
        this.archive = archive;
        Map<String, MailFacts> f = new LinkedHashMap<>();
        Map<String, String> b = new HashMap<>();
        List<Pipeline.Parsed> parsed = Pipeline.parse(bytes(archive));
        for (Pipeline.Parsed p : parsed) {
            f.putIfAbsent(p.facts().messageId(), p.facts());
            b.putIfAbsent(p.facts().messageId(), p.mail().body());
        }
        this.messages = parsed.size();
        this.facts = Collections.unmodifiableMap(f);
        this.bodies = Collections.unmodifiableMap(b);
        this.series = List.copyOf(new SeriesBuilder().build(f.values()));
    }

    public static RealMail of(Archive a) {
        return CACHE.computeIfAbsent(a, RealMail::new);
    }

    public static RealMail kbuild() {
        return of(Archive.KBUILD);
    }

    public static RealMail pci() {
        return of(Archive.PCI);
    }

    /** The file's bytes, uncompressed. */
    public static byte[] bytes(Archive a) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(a.path()))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The series one of whose revisions has this message as cover letter or patch. */
    public SeriesDraft seriesOf(String messageId) {
        for (SeriesDraft s : series) {
            for (RevisionDraft r : s.revisions()) {
                if (holds(r, messageId)) {
                    return s;
                }
            }
        }
        throw new AssertionError("no revision holds <" + messageId + "> in " + archive.file);
    }

    /** The revision that has this message as cover letter or patch. */
    public RevisionDraft revisionOf(String messageId) {
        for (RevisionDraft r : seriesOf(messageId).revisions()) {
            if (holds(r, messageId)) {
                return r;
            }
        }
        throw new AssertionError("unreachable");
    }

    /** Whether some revision holds this message as cover letter or patch. */
    public boolean inSomeRevision(String messageId) {
        for (SeriesDraft s : series) {
            for (RevisionDraft r : s.revisions()) {
                if (holds(r, messageId)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Each revision of a series as {@code v2}, {@code v1 RFC}, oldest first. */
    public static List<String> versions(SeriesDraft s) {
        List<String> out = new ArrayList<>();
        for (RevisionDraft r : s.revisions()) {
            out.add("v" + r.version() + (r.versionMinor() > 0 ? "." + r.versionMinor() : "") + (r.rfc() ? " RFC" : ""));
        }
        return out;
    }

    private static boolean holds(RevisionDraft r, String messageId) {
        if (messageId.equals(r.coverMessageId()) || messageId.equals(r.key())) {
            return true;
        }
        for (PatchSlot p : r.patches()) {
            if (p.messageId().equals(messageId)) {
                return true;
            }
        }
        return false;
    }
}
