package dev.patchtrack.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A patch series whose subject, author name and body carry markup, script, entities, quotes,
 * control characters (NUL, BEL, ESC, DEL) and bidirectional marks, for any renderer to be checked
 * against: {@link #mbox()} to import it, {@link #assertInert} on what a renderer made of it.
 * Subject and author come as RFC 2047 encoded words, so the control characters survive the header
 * syntax and reach the parser as they would from a hostile sender.
 */
public final class HostileMail {

    public static final String LIST = "rust-for-linux";
    public static final String COVER_ID = "hostile-0@evil.example.org";
    public static final String PATCH_ID = "hostile-1@evil.example.org";
    public static final String REPLY_ID = "hostile-2@evil.example.org";
    /** What the subject says after the [PATCH] prefix: markup, an entity, quotes, control and bidi characters. */
    public static final String TITLE = "rust: <script>alert(\"pwn&'x'\")</script> \u0000\u0007\u001b[31m\u007f \u202eevil\u202c \u2028 <img src=x onerror=alert(1)>";
    public static final String AUTHOR = "<b>Mallory</b> & \"Eve\" \u0007\u202e";
    public static final String EMAIL = "mallory@evil.example.org";
    /** Markers that must never appear literally in a rendering meant for a browser or terminal. */
    public static final String[] RAW_MARKUP = {"<script", "</script>", "<img", "<b>"};

    private HostileMail() {
    }

    /** A cover letter, one patch and a review reply, all carrying the hostile text. */
    /** Imports {@link #mbox()} through the HTTP API, as a client would. */
    public static void importThroughApi() {
        MboxUpload.post(mbox(), LIST);
    }

    public static byte[] mbox() {
        String from = encoded(AUTHOR) + " <" + EMAIL + ">";
        StringBuilder out = new StringBuilder();
        message(out, COVER_ID, null, from, "[PATCH 0/1] " + TITLE, 0,
                "Cover with <script>alert('body')</script> &amp; &lt;tags&gt; and \u0000NUL \u0007BEL \u001b[2J ESC \u202eRTL\n");
        message(out, PATCH_ID, COVER_ID, from, "[PATCH 1/1] " + TITLE, 1, """
                <iframe src="javascript:alert(1)"></iframe> changes "x" & 'y'.

                Signed-off-by: Mallory <mallory@evil.example.org>
                ---
                 rust/kernel/evil.rs | 1 +
                 1 file changed, 1 insertion(+)

                diff --git a/rust/kernel/evil.rs b/rust/kernel/evil.rs
                index 1111111..2222222 100644
                --- a/rust/kernel/evil.rs
                +++ b/rust/kernel/evil.rs
                @@ -1,1 +1,2 @@
                 // SPDX-License-Identifier: GPL-2.0
                +// </script><script>alert(2)</script>
                --\s
                2.45.0
                """);
        message(out, REPLY_ID, PATCH_ID, encoded("<i>Reviewer</i> \u001b]0;title\u0007") + " <rev@example.org>",
                "Re: [PATCH 1/1] " + TITLE, 2, "Looks fine <script>x()</script>\n\nReviewed-by: <i>Reviewer</i> <rev@example.org>\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void message(StringBuilder out, String id, String parent, String from, String subject, int minute,
                                String body) {
        out.append("From mboxrd@z Thu Jan  1 00:00:00 1970\n");
        out.append("From: ").append(from).append('\n');
        out.append("To: rust-for-linux@vger.kernel.org\n");
        out.append(String.format("Date: Mon, 3 Jun 2024 09:%02d:00 +0000%n", minute));
        out.append("Subject: ").append(encoded(subject)).append('\n');
        out.append("Message-ID: <").append(id).append(">\n");
        if (parent != null) {
            out.append("In-Reply-To: <").append(parent).append(">\nReferences: <").append(parent).append(">\n");
        }
        out.append("List-Id: <rust-for-linux.vger.kernel.org>\n");
        out.append("MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n");
        out.append(body).append('\n');
    }

    /** RFC 2047 base64 encoded word, so any character can ride in a header. */
    static String encoded(String text) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    /**
     * A rendering (JSON, a feed, text) is inert: no live markup and no raw control character other
     * than line breaks and tabs; line and paragraph separators and bidi overrides escaped too when
     * {@code strictUnicode}.
     */
    public static void assertInert(String rendered, boolean strictUnicode) {
        for (String marker : RAW_MARKUP) {
            assertThat(rendered).as("raw " + marker).doesNotContain(marker);
        }
        for (int i = 0; i < rendered.length(); i++) {
            char c = rendered.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f;
            boolean unicode = c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
            assertThat(control || (strictUnicode && unicode))
                    .as("raw U+%04X at %d in %s", (int) c, i, rendered.substring(Math.max(0, i - 40), Math.min(rendered.length(), i + 40)))
                    .isFalse();
        }
    }
}
