package dev.patchtrack.core.mail;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Message-ID given to mail that has none (or none that can be read):
 * {@code patchtrack.<first 32 hex digits of the SHA-256 of its raw bytes>@synthetic}. The same bytes
 * always get the same id, so a re-import finds the message it stored before.
 */
public final class SyntheticId {

    private SyntheticId() {
    }

    /** The synthetic id of these raw bytes. */
    public static String of(byte[] raw) {
        try {
            return ofSha256(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** The synthetic id of bytes whose SHA-256 is {@code sha256Hex} (lower-case hex, as stored). */
    public static String ofSha256(String sha256Hex) {
        return "patchtrack." + sha256Hex.substring(0, 32) + "@synthetic";
    }
}
