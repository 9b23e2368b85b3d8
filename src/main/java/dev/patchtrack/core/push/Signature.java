package dev.patchtrack.core.push;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a webhook delivery is signed: HMAC SHA-256 of the exact body bytes, keyed with the
 * subscription's secret, sent as {@code X-Patchtrack-Signature-256: sha256=<hex>} (GitHub's form, so
 * receivers' existing verifiers work). The receiver computes the same over the bytes it got and
 * compares in constant time.
 */
public final class Signature {

    /** The header that carries the signature. */
    public static final String HEADER = "X-Patchtrack-Signature-256";
    private static final String PREFIX = "sha256=";

    private Signature() {
    }

    /** {@code sha256=} and the lower-case hex HMAC of {@code body} under {@code secret}. */
    public static String sign(String secret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(secret, body));
    }

    /** Whether {@code header} is the signature of {@code body} under {@code secret} (constant time). */
    public static boolean verify(String secret, byte[] body, String header) {
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, hmac(secret, body));
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
