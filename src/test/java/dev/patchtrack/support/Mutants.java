package dev.patchtrack.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Hostile mutants of an mbox: every {@code every}th message gets a header line of about
 * {@code lineBytes} bytes, in turn an unknown header, a References header of that many Message-IDs,
 * and a Subject that long. The rest stays as it was, so the result holds as many messages (and
 * Message-IDs) as the mbox it came from. Written once under target/corpus and reused.
 */
public final class Mutants {

    private Mutants() {
    }

    public static Path of(Path mbox, int every, int lineBytes) {
        Path out = mbox.resolveSibling(mbox.getFileName() + ".mutants-" + every + "-" + lineBytes);
        if (Files.exists(out)) {
            return out;
        }
        try {
            // ISO-8859-1 keeps every byte as one char, so the mail comes out exactly as it went in
            String text = Files.readString(mbox, StandardCharsets.ISO_8859_1);
            List<String> messages = new ArrayList<>();
            int start = 0;
            for (int i = text.indexOf("\nFrom ", 1); i >= 0; i = text.indexOf("\nFrom ", i + 1)) {
                if (i > 0 && text.charAt(i - 1) == '\n') {
                    messages.add(text.substring(start, i + 1));
                    start = i + 1;
                }
            }
            messages.add(text.substring(start));
            Path tmp = Files.createTempFile(out.getParent(), "mutants", ".part");
            try (OutputStream o = Files.newOutputStream(tmp)) {
                for (int n = 0; n < messages.size(); n++) {
                    String m = messages.get(n);
                    if (n % every == 0) {
                        m = mutate(m, n / every % 3, lineBytes, n);
                    }
                    o.write(m.getBytes(StandardCharsets.ISO_8859_1));
                }
            }
            Files.move(tmp, out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mutate(String message, int kind, int lineBytes, int n) {
        int firstLineEnd = message.indexOf('\n') + 1;
        int headEnd = message.indexOf("\n\n");
        if (firstLineEnd <= 0 || headEnd < 0) {
            return message;
        }
        String head = message.substring(firstLineEnd, headEnd + 1);
        String rest = message.substring(headEnd + 1);
        String line = switch (kind) {
            case 0 -> "X-Mutant: " + "a".repeat(lineBytes) + "\n";
            case 1 -> {
                StringBuilder refs = new StringBuilder("References:");
                for (int i = 0; refs.length() < lineBytes; i++) {
                    refs.append(" <").append(n).append('.').append(i).append("@mutant.example.org>");
                }
                yield refs.append('\n').toString();
            }
            default -> null;
        };
        if (line == null) {
            // a Subject that goes on for a megabyte
            int s = head.toLowerCase().indexOf("\nsubject:");
            if (s < 0) {
                return message;
            }
            int end = head.indexOf('\n', s + 1);
            head = head.substring(0, end) + " " + "z".repeat(lineBytes) + head.substring(end);
            return message.substring(0, firstLineEnd) + head + rest;
        }
        return message.substring(0, firstLineEnd) + line + head + rest;
    }
}
