package dev.patchtrack.core.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignatureTest {

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void signsAsHmacSha256InHexWithTheSha256Prefix() {
        // RFC 4231, test case 2
        assertThat(Signature.sign("Jefe", bytes("what do ya want for nothing?")))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void verifiesItsOwnSignatureAndNothingElse() {
        byte[] body = bytes("{\"delivery\":1,\"event\":{\"id\":7}}");
        String sig = Signature.sign("a secret of some length", body);
        assertThat(Signature.verify("a secret of some length", body, sig)).isTrue();
        assertThat(Signature.verify("another secret", body, sig)).isFalse();
        assertThat(Signature.verify("a secret of some length", bytes("{\"delivery\":1,\"event\":{\"id\":8}}"), sig)).isFalse();
        assertThat(Signature.verify("a secret of some length", body, sig.toUpperCase())).isFalse();
        assertThat(Signature.verify("a secret of some length", body, sig.substring("sha256=".length()))).isFalse();
        assertThat(Signature.verify("a secret of some length", body, "sha256=zz")).isFalse();
        assertThat(Signature.verify("a secret of some length", body, null)).isFalse();
    }
}
