package dev.patchtrack.ingest.lore;

import dev.patchtrack.core.mail.MailLimits;
import dev.patchtrack.core.mail.MboxReader;
import dev.patchtrack.ingest.MailFeed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A response body that is an mbox (a /raw, a search download, gzip or not), cut into feed items. */
final class RawMbox {

    private RawMbox() {
    }

    static List<MailFeed.Item> items(byte[] body, MailLimits limits) throws IOException {
        List<MailFeed.Item> items = new ArrayList<>();
        try (MboxReader reader = MboxReader.open(new ByteArrayInputStream(body), limits)) {
            MboxReader.MboxEntry m;
            while ((m = reader.next()) != null) {
                items.add(new MailFeed.Item(m.raw(), -1, m.problems(), false, null, null));
            }
        }
        return items;
    }
}
