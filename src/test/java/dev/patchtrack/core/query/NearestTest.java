package dev.patchtrack.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestTest {

    static final List<String> PARAMS = List.of("topic", "state", "list", "author", "since", "before", "version", "rfc",
            "q", "order", "page", "per_page");

    @Test
    void typosFindTheirName() {
        assertThat(Nearest.to("topc", PARAMS)).contains("topic");
        assertThat(Nearest.to("topics", PARAMS)).contains("topic");
        assertThat(Nearest.to("per-page", PARAMS)).contains("per_page");
        assertThat(Nearest.to("perpage", PARAMS)).contains("per_page");
        assertThat(Nearest.to("sate", PARAMS)).contains("state");
        assertThat(Nearest.to("Author", PARAMS)).contains("author");
        assertThat(Nearest.to("ordre", PARAMS)).as("neighbours swapped").contains("order");
        assertThat(Nearest.to("rust-nvm", List.of("rust-core", "rust-nvme", "rust-9p", "rust-net"))).contains("rust-nvme");
        assertThat(Nearest.to("rust-for-linu", List.of("linux-kbuild", "rust-for-linux"))).contains("rust-for-linux");
    }

    @Test
    void farNamesSuggestNothing() {
        assertThat(Nearest.to("colour", PARAMS)).isEmpty();
        assertThat(Nearest.to("x", List.of("topic"))).isEmpty();
        assertThat(Nearest.to("", PARAMS)).isEmpty();
        assertThat(Nearest.to("zzzzzzzzzz", PARAMS)).isEmpty();
    }

    @Test
    void distanceCountsEditsAndSwaps() {
        assertThat(Nearest.distance("topic", "topic")).isZero();
        assertThat(Nearest.distance("topc", "topic")).isEqualTo(1);
        assertThat(Nearest.distance("ordre", "order")).isEqualTo(1);
        assertThat(Nearest.distance("", "abc")).isEqualTo(3);
    }
}
