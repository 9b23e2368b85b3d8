package dev.patchtrack.support;

import java.nio.charset.StandardCharsets;

/** Kernel-style mail written by a test, joined into an mbox. */
public final class Mbox {

    private final StringBuilder out = new StringBuilder();

    public static Mbox create() {
        return new Mbox();
    }

    /**
     * Adds one message.
     *
     * @param inReplyTo the parent's Message-ID, or null
     * @param minute    minutes after 2024-06-03 09:00 UTC, for the Date header
     */
    public Mbox mail(String id, String from, int minute, String subject, String inReplyTo, String body) {
        int h = 9 + minute / 60;
        int m = minute % 60;
        out.append("From mboxrd@z Thu Jan  1 00:00:00 1970\n");
        out.append("From: ").append(from).append('\n');
        out.append("To: rust-for-linux@vger.kernel.org\n");
        out.append(String.format("Date: Mon, 3 Jun 2024 %02d:%02d:00 +0000%n", h, m));
        out.append("Subject: ").append(subject).append('\n');
        out.append("Message-ID: <").append(id).append(">\n");
        if (inReplyTo != null) {
            out.append("In-Reply-To: <").append(inReplyTo).append(">\nReferences: <").append(inReplyTo).append(">\n");
        }
        out.append("List-Id: <rust-for-linux.vger.kernel.org>\n");
        out.append("MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n");
        out.append(body.endsWith("\n") ? body : body + "\n").append('\n');
        return this;
    }

    /** A patch touching one file, with its Signed-off-by. */
    public Mbox patch(String id, String from, int minute, String subject, String inReplyTo, String path) {
        return mail(id, from, minute, subject, inReplyTo, """
                Add the thing this patch is about.

                Signed-off-by: %s
                ---
                 %s | 2 ++
                 1 file changed, 2 insertions(+)

                diff --git a/%s b/%s
                index 1111111..2222222 100644
                --- a/%s
                +++ b/%s
                @@ -1,2 +1,4 @@
                 // SPDX-License-Identifier: GPL-2.0
                +// more
                +// lines
                 fn x() {}
                --\s
                2.45.0
                """.formatted(from, path, path, path, path, path));
    }

    public byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
