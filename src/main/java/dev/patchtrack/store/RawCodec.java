package dev.patchtrack.store;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** How raw mail is kept: deflate-compressed bytes, identified by their SHA-256. */
public final class RawCodec {

    private RawCodec() {
    }

    /** One deflater per thread, reset between messages: setting one up costs more than a small mail. */
    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED));

    public static byte[] compress(byte[] raw) {
        Deflater deflater = DEFLATER.get();
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length / 3));
            byte[] buf = new byte[8192];
            while (!deflater.finished()) {
                int n = deflater.deflate(buf);
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.reset();
        }
    }

    public static byte[] decompress(byte[] stored, int size) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(stored);
            byte[] out = new byte[size];
            int off = 0;
            while (off < size && !inflater.finished()) {
                int n = inflater.inflate(out, off, size - off);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                off += n;
            }
            return off == size ? out : java.util.Arrays.copyOf(out, off);
        } catch (DataFormatException e) {
            throw new IllegalStateException("stored message is corrupt: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    public static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
