package dev.patchtrack.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The token comparison on its own: only an exact token passes, whatever part of it a probe has right. */
class TokenCompareTest {

    static final List<String> TOKENS = List.of("s3cret-Token-1", " second ", "");

    @Test
    void onlyAConfiguredTokenIsAccepted() {
        assertThat(TokenFilter.accepted("s3cret-Token-1", TOKENS)).isTrue();
        assertThat(TokenFilter.accepted("second", TOKENS)).isTrue(); // configured with spaces around it
        for (String probe : List.of("", " ", "s", "s3cret-Token-", "s3cret-Token-1x", "s3cret-token-1", "S3CRET-TOKEN-1",
                "s3cret-Token-2", "xs3cret-Token-1", "s3cret-Token-1second", "secon", "seconds")) {
            assertThat(TokenFilter.accepted(probe, TOKENS)).as(probe).isFalse();
        }
    }

    @Test
    void withNoTokensConfiguredNothingIsAccepted() {
        assertThat(TokenFilter.accepted("", List.of())).isFalse();
        assertThat(TokenFilter.accepted("", List.of(" ", ""))).isFalse();
        assertThat(TokenFilter.accepted("anything", List.of())).isFalse();
    }

    @Test
    void bearerAndPatchworksTokenSchemeCarryTheSameToken() {
        assertThat(TokenFilter.token("Bearer s3cret")).isEqualTo("s3cret");
        assertThat(TokenFilter.token("Token s3cret ")).isEqualTo("s3cret");
        assertThat(TokenFilter.token("token s3cret")).isEqualTo("s3cret");
        assertThat(TokenFilter.token("Basic czNjcmV0")).isNull();
        assertThat(TokenFilter.token("Tokens3cret")).isNull();
    }
}
