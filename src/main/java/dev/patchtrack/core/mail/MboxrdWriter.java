package dev.patchtrack.core.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes stored mail as public-inbox writes its {@code raw}, {@code t.mbox} and {@code t.mbox.gz}: each
 * message after a {@code From mboxrd@z Thu Jan  1 00:00:00 1970} line, every line that starts with
 * {@code From } after any number of {@code >} given one more {@code >}, and a blank line after each
 * message. {@link MboxReader} undoes exactly this, so the bytes read back are the bytes stored. The
 * mail is otherwise unchanged, byte for byte (line ends and charsets included); an mbox envelope line
 * some stored copies begin with is replaced by the separator.
 */
public final class MboxrdWriter {

    public static final String SEPARATOR = "From mboxrd@z Thu Jan  1 00:00:00 1970\n";

    private static final Pattern FROM = Pattern.compile("(?m)^(>*From )");

    private MboxrdWriter() {
    }

    /** The messages, in the order given, as one mboxrd. */
    public static byte[] write(List<byte[]> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] raw : messages) {
            // ISO-8859-1 maps each byte to one char and back, so no byte is changed
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            if (text.startsWith("From ")) {
                int eol = text.indexOf('\n');
                text = eol < 0 ? "" : text.substring(eol + 1);
            }
            String quoted = FROM.matcher(text).replaceAll(">$1");
            out.writeBytes(SEPARATOR.getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(quoted.getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes((quoted.endsWith("\n") || quoted.isEmpty() ? "\n" : "\n\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }
}
