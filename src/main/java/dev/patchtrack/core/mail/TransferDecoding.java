package dev.patchtrack.core.mail;

import java.util.Arrays;

/** Lenient Content-Transfer-Encoding decoders: they decode what they can and say what they could not. */
final class TransferDecoding {

    /** Result of a decode: the bytes and, when something was wrong, what. */
    record Decoded(byte[] bytes, int length, String problem) {
    }

    private static final byte[] B64 = new byte[256];

    static {
        Arrays.fill(B64, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            B64[alphabet.charAt(i)] = (byte) i;
        }
        // URL-safe variants show up now and then
        B64['-'] = 62;
        B64['_'] = 63;
    }

    private TransferDecoding() {
    }

    /**
     * Base64 that skips whitespace, skips (and counts) characters outside the alphabet, treats each '='
     * as the end of a quantum (so concatenated base64 blobs decode) and keeps a final partial quantum.
     */
    static Decoded base64(byte[] in, int from, int to) {
        byte[] out = new byte[(to - from) / 4 * 3 + 3];
        int n = 0;
        int acc = 0;
        int bits = 0;
        int quantum = 0;
        int invalid = 0;
        boolean dangling = false;
        for (int i = from; i < to; i++) {
            int c = in[i] & 0xFF;
            int v = B64[c];
            if (v < 0) {
                if (c == '=') {
                    if (quantum == 1) {
                        dangling = true;
                    }
                    acc = 0;
                    bits = 0;
                    quantum = 0;
                } else if (c != '\n' && c != '\r' && c != ' ' && c != '\t') {
                    invalid++;
                }
                continue;
            }
            acc = (acc << 6) | v;
            bits += 6;
            quantum = (quantum + 1) & 3;
            if (bits >= 8) {
                bits -= 8;
                out[n++] = (byte) (acc >> bits);
                acc &= (1 << bits) - 1;
            }
        }
        if (quantum == 1) {
            dangling = true;
        }
        String problem = null;
        if (invalid > 0 || dangling) {
            problem = "broken base64 (" + (invalid > 0 ? invalid + " characters outside the alphabet skipped" : "")
                    + (invalid > 0 && dangling ? ", " : "") + (dangling ? "incomplete final group" : "")
                    + "), decoded what could be";
        }
        return new Decoded(out, n, problem);
    }

    /** Quoted-printable: "=XX" bytes, soft line breaks; a '=' that starts neither is kept as it is. */
    static Decoded quotedPrintable(byte[] in, int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        int bad = 0;
        int i = from;
        while (i < to) {
            byte c = in[i];
            if (c != '=') {
                out[n++] = c;
                i++;
                continue;
            }
            // soft line break: '=' then optional trailing whitespace then (CR)LF
            int j = i + 1;
            while (j < to && (in[j] == ' ' || in[j] == '\t')) {
                j++;
            }
            if (j < to && in[j] == '\n') {
                i = j + 1;
                continue;
            }
            if (j + 1 < to && in[j] == '\r' && in[j + 1] == '\n') {
                i = j + 2;
                continue;
            }
            if (j == to) { // '=' at the very end
                i = to;
                continue;
            }
            if (i + 2 < to && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out[n++] = (byte) (hex(in[i + 1]) << 4 | hex(in[i + 2]));
                i += 3;
                continue;
            }
            bad++;
            out[n++] = c;
            i++;
        }
        return new Decoded(out, n, bad > 0 ? "quoted-printable: " + bad + " stray '=' kept as text" : null);
    }

    static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        return -1;
    }
}
