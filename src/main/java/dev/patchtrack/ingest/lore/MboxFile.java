package dev.patchtrack.ingest.lore;

import dev.patchtrack.core.mail.MailLimits;
import dev.patchtrack.core.mail.MboxReader;
import dev.patchtrack.ingest.MailFeed;
import dev.patchtrack.ingest.http.HttpFetcher;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * A downloaded mbox (gzip or not) on disk, read a message at a time in any order: it is decompressed
 * to a file of its own (held to {@code max-body-bytes} too, so a gzip bomb stops there), its
 * messages' offsets are indexed, and each is read from its offset when asked for. Memory holds one
 * message and the offsets, whatever the size of the download. Closing it deletes its files.
 */
final class MboxFile implements Closeable {

    private final HttpFetcher.Download download;
    private final Path plain;
    private final boolean ownPlain;
    private final MailLimits limits;
    private long[] offsets = new long[64];
    private int count;

    private MboxFile(HttpFetcher.Download download, Path plain, boolean ownPlain, MailLimits limits) {
        this.download = download;
        this.plain = plain;
        this.ownPlain = ownPlain;
        this.limits = limits;
    }

    /** Takes the download over (closing this closes it) and indexes its messages. */
    static MboxFile of(HttpFetcher.Download download, HttpFetcher http, MailLimits limits) throws IOException {
        Path file = download.file();
        boolean gzip;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(2);
            gzip = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
        }
        MboxFile m;
        if (gzip) {
            Path plain = Files.createTempFile(file.getParent(), "download-", ".mbox");
            m = new MboxFile(download, plain, true, limits);
            try (InputStream in = http.downloadStream(new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file))),
                    download.uri() + " decompressed"); OutputStream out = Files.newOutputStream(plain)) {
                in.transferTo(out);
            } catch (IOException | RuntimeException e) {
                m.close();
                throw e;
            }
        } else {
            m = new MboxFile(download, file, false, limits);
        }
        try (MboxReader reader = MboxReader.open(new BufferedInputStream(Files.newInputStream(m.plain)), limits)) {
            MboxReader.MboxEntry e;
            while ((e = reader.next()) != null) {
                if (m.count == m.offsets.length) {
                    m.offsets = Arrays.copyOf(m.offsets, m.count * 2);
                }
                m.offsets[m.count++] = e.offset();
            }
        } catch (IOException | RuntimeException e) {
            m.close();
            throw e;
        }
        return m;
    }

    int size() {
        return count;
    }

    /** Bytes of the mbox once decompressed. */
    long bytes() throws IOException {
        return Files.size(plain);
    }

    /** The {@code i}th message (0: the first in the file), as a feed item. */
    MailFeed.Item item(int i) throws IOException {
        try (FileChannel ch = FileChannel.open(plain, StandardOpenOption.READ)) {
            ch.position(offsets[i]);
            try (MboxReader reader = MboxReader.open(new BufferedInputStream(Channels.newInputStream(ch)), limits)) {
                MboxReader.MboxEntry e = reader.next();
                if (e == null) {
                    throw new IOException(download.uri() + ": message " + i + " is gone from " + plain);
                }
                return new MailFeed.Item(e.raw(), -1, e.problems(), false, null, null);
            }
        }
    }

    @Override
    public void close() {
        if (ownPlain) {
            try {
                Files.deleteIfExists(plain);
            } catch (IOException ignored) {
                // a temporary file; the next start does not need it
            }
        }
        download.close();
    }
}
