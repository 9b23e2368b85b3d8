package dev.patchtrack.ingest.lore;

import dev.patchtrack.ingest.MailFeed;
import java.io.Closeable;

/** A feed of one sync of one source; closing it frees what it holds (git repositories). */
public interface SourceReader extends MailFeed, Closeable {

    @Override
    void close();

    /** Nothing to read. */
    SourceReader EMPTY = new SourceReader() {
        @Override
        public MailFeed.Item next() {
            return null;
        }

        @Override
        public void close() {
        }
    };
}
