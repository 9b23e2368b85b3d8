package dev.patchtrack.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code patchtrack.lwn.*}: following LWN's headlines feed and kernel index. The README's table lists them. */
@ConfigMapping(prefix = "patchtrack.lwn")
public interface LwnConfig {

    /** Whether the scheduled poll runs at all. */
    @WithDefault("true")
    boolean enabled();

    /** The headlines feed (RSS 1.0 as LWN serves it; RSS 2.0 and Atom are read too). */
    @WithDefault("https://lwn.net/headlines/rss")
    String feedUrl();

    /** The kernel index, read for articles the feed no longer lists; empty to leave it out. */
    @WithDefault("https://lwn.net/Kernel/Index/")
    Optional<String> indexUrl();

    /** Index headings (a case-insensitive regular expression) whose articles are followed. */
    @WithDefault("Rust")
    String indexHeadings();

    /** How often the poll runs ({@code 30m}, {@code 1h}; {@code off} never). */
    @WithDefault("30m")
    String schedule();

    /** How long after start the first scheduled poll waits. */
    @WithDefault("1m")
    String firstDelay();

    /**
     * A subscriber-only article is fetched again this long after it was published, unless LWN's
     * notice names the day it becomes free; while it is still behind the paywall, again after this
     * long divided by seven (a day by default).
     */
    @WithDefault("7d")
    Duration recheckDelay();

    /** A page that failed to fetch or could not be read is tried again after this long. */
    @WithDefault("6h")
    Duration retryDelay();

    /** How many times an article page is fetched before it is given up. */
    @WithDefault("5")
    int maxAttempts();

    /** Article pages fetched per poll at most (each one waits for the HTTP client's politeness interval). */
    @WithDefault("50")
    int maxFetchesPerRun();
}
