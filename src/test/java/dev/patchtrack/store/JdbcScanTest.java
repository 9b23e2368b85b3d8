package dev.patchtrack.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A whole-table read ({@link Jdbc#scan}) turns PostgreSQL's query JIT off for its own transaction
 * only: the API's reads on the same pooled connections keep the server's setting.
 */
@QuarkusTest
class JdbcScanTest {

    @Inject
    Jdbc jdbc;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Test
    void aScanReadsLikeAListAndTurnsJitOffForItsTransactionOnly() {
        List<Integer> rows = QuarkusTransaction.requiringNew().call(() ->
                jdbc.scan("SELECT 7 AS seven", List.of(), rs -> rs.getInt("seven")));
        assertThat(rows).containsExactly(7);
        if (!dbKind.equals("postgresql")) {
            return;
        }
        String before = QuarkusTransaction.requiringNew().call(this::jit);
        String during = QuarkusTransaction.requiringNew().call(() -> {
            jdbc.scan("SELECT 1 AS one", List.of(), rs -> rs.getInt("one"));
            return jit();
        });
        String after = QuarkusTransaction.requiringNew().call(this::jit);
        assertThat(during).isEqualTo("off");
        assertThat(after).as("the setting ends with the transaction").isEqualTo(before).isEqualTo("on");
    }

    private String jit() {
        return jdbc.list("SELECT current_setting('jit') AS jit", List.of(), rs -> rs.getString("jit")).get(0);
    }
}
