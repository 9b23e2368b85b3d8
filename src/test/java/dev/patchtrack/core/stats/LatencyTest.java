package dev.patchtrack.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatencyTest {

    static final Instant T0 = Instant.parse("2024-05-06T00:00:00Z");

    static Instant hours(double h) {
        return T0.plusSeconds((long) (h * 3600));
    }

    @Test
    void quartilesInterpolateBetweenRanks() {
        Quartiles q = Quartiles.of(List.of(4.0, 1.0, 3.0, 2.0));
        assertThat(q).isEqualTo(new Quartiles(4, 1, 1.75, 2.5, 3.25, 4));
        assertThat(Quartiles.of(List.of(7.0))).isEqualTo(new Quartiles(1, 7, 7, 7, 7, 7));
        assertThat(Quartiles.of(List.of(1.0, 2.0, 3.0, 4.0, 100.0)).median()).isEqualTo(3);
        assertThat(Quartiles.of(List.of())).isNull();
    }

    @Test
    void eachItemCountsOncePerTopicWithItsEarliestEnd() {
        List<Latency.Row> rows = List.of(
                new Latency.Row("rust-nvme", 1, T0, hours(48)),
                new Latency.Row("rust-nvme", 1, T0, hours(24)),    // the same series, accepted earlier too
                new Latency.Row("rust-core", 1, T0, hours(24)),    // and under another topic
                new Latency.Row("rust-nvme", 2, T0, hours(72)),
                new Latency.Row("rust-nvme", 3, hours(10), hours(5)), // a clock behind: left out
                new Latency.Row("rust-9p", 4, T0, null));
        Map<String, Quartiles> out = Latency.perTopic(rows, null, null);
        assertThat(out).containsOnlyKeys("rust-core", "rust-nvme");
        assertThat(out.get("rust-nvme")).isEqualTo(new Quartiles(2, 24, 36, 48, 60, 72));
        assertThat(out.get("rust-core").count()).isEqualTo(1);
    }

    @Test
    void theWindowBoundsTheEnd() {
        List<Latency.Row> rows = List.of(new Latency.Row("rust-core", 1, T0, hours(24)),
                new Latency.Row("rust-core", 2, T0, hours(240)));
        assertThat(Latency.perTopic(rows, hours(48), null).get("rust-core").median()).isEqualTo(240);
        assertThat(Latency.perTopic(rows, null, hours(48)).get("rust-core").median()).isEqualTo(24);
        assertThat(Latency.perTopic(rows, hours(24), hours(25)).get("rust-core").count()).isEqualTo(1);
    }
}
