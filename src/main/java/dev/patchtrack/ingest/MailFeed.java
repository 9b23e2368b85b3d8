package dev.patchtrack.ingest;

import dev.patchtrack.core.mail.MboxReader;
import dev.patchtrack.core.model.Problem;
import java.io.IOException;
import java.util.List;

/**
 * What the import pipeline reads: mail one item at a time, from an mbox or from a source. An item
 * may move the source's cursor; the cursor is saved in the transaction that stores the item's batch.
 */
public interface MailFeed {

    /**
     * One item.
     *
     * @param raw         the message bytes exactly as received
     * @param offset      where it was found (byte offset in an mbox; -1 when meaningless)
     * @param problems    what the reader noticed while cutting it out
     * @param deletion    true: the upstream archive deleted this message (public-inbox's {@code d})
     * @param cursorKey   the cursor this item advances, or null
     * @param cursorValue its new value once the item is stored
     */
    record Item(byte[] raw, long offset, List<Problem> problems, boolean deletion, String cursorKey,
                String cursorValue) {

        public static Item mail(byte[] raw, String cursorKey, String cursorValue) {
            return new Item(raw, -1, List.of(), false, cursorKey, cursorValue);
        }

        /** Only moves a cursor (a commit that holds no mail). */
        public static Item cursorOnly(String cursorKey, String cursorValue) {
            return new Item(null, -1, List.of(), false, cursorKey, cursorValue);
        }
    }

    /** The next item, or null at the end. */
    Item next() throws IOException;

    /** Bytes read so far, for progress. */
    default long bytesRead() {
        return 0;
    }

    /** Problems with the input as a whole. */
    default List<Problem> problems() {
        return List.of();
    }

    /** An mbox (mboxo, mboxrd, gzip, or one bare message). */
    static MailFeed of(MboxReader reader) {
        return new MailFeed() {
            @Override
            public Item next() {
                MboxReader.MboxEntry e = reader.next();
                return e == null ? null : new Item(e.raw(), e.offset(), e.problems(), false, null, null);
            }

            @Override
            public long bytesRead() {
                return reader.bytesRead();
            }

            @Override
            public List<Problem> problems() {
                return reader.problems();
            }
        };
    }
}
