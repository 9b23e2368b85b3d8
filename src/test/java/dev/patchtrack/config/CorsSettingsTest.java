package dev.patchtrack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What patchtrack.cors.origins accepts, and how a value that is not an origin is refused. */
class CorsSettingsTest {

    @Test
    void originsAndTheWildcardAreAccepted() {
        assertThat(CorsSettings.origins(null)).isEmpty();
        assertThat(CorsSettings.origins(" ")).isEmpty();
        assertThat(CorsSettings.origins("*")).containsExactly("*");
        assertThat(CorsSettings.origins("https://Dash.Example.org, http://localhost:3000,http://[::1]:8080,http://10.0.0.7"))
                .containsExactly("https://dash.example.org", "http://localhost:3000", "http://[::1]:8080", "http://10.0.0.7");
    }

    @Test
    void whatIsNotAnOriginIsRefusedNamingTheSetting() {
        for (String bad : new String[] {"https://dash.example.org/", "dash.example.org", "https://dash.example.org/grafana",
                "ftp://dash.example.org", "https://user@dash.example.org", "https://dash.example.org:99999",
                "https://dash.example.org:0", "/.*/", "https://*.example.org"}) {
            assertThatThrownBy(() -> CorsSettings.origins(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("patchtrack.cors.origins: '").hasMessageContaining("is not an origin");
        }
        assertThatThrownBy(() -> CorsSettings.origins("*,https://dash.example.org"))
                .hasMessageContaining("stands alone");
    }
}
