package dev.patchtrack.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every {@code patchtrack.*} setting, typed. The README's configuration table lists them. */
@ConfigMapping(prefix = "patchtrack")
public interface PatchtrackConfig {

    /**
     * Bearer tokens that may write (import, overrides, sources). Environment: PATCHTRACK_API_TOKENS,
     * comma-separated. With none configured every write is refused.
     */
    @WithName("api-tokens")
    Optional<List<String>> apiTokens();

    /**
     * A mailmap file (git's {@code .mailmap} format) that merges the identities of people writing from
     * several addresses; none by default.
     */
    Optional<String> mailmap();

    /** Limits the mail reader applies to each message. */
    Mail mail();

    /** Paging defaults of the read API. */
    Api api();

    /** Topic rules. */
    Topics topics();

    /** Import batching. */
    @WithName("import")
    Import imports();

    /** Following lore: the worker. */
    Sync sync();

    /** The one HTTP client every fetch goes through. */
    Http http();

    /**
     * Sources per list, keyed by the list name mail is filed under:
     * {@code patchtrack.sources.rust-for-linux.mode=git}. Created at start when missing; the API
     * can change them afterwards.
     */
    Map<String, Source> sources();

    interface Source {
        /** The public-inbox server, e.g. https://lore.kernel.org/ */
        String baseUrl();

        /** lore's inbox name when it differs from the list name (linux-kernel is lkml). */
        Optional<String> inbox();

        /** git, atom or query. */
        @WithDefault("git")
        String mode();

        /** query mode: the public-inbox search, e.g. {@code dfn:rust/ OR s:rust}. */
        Optional<String> query();

        /** How often to sync. */
        @WithDefault("5m")
        Duration schedule();

        /** Readiness goes DOWN when the last successful sync is older than this. */
        @WithDefault("1h")
        Duration staleAfter();

        @WithDefault("true")
        boolean enabled();
    }

    interface Sync {
        /** How often the clustered scheduler looks for due sources (read by SyncScheduler). */
        @WithDefault("30s")
        Duration tick();

        /** Delay before the first tick after start. */
        @WithDefault("5s")
        Duration firstDelay();

        /** Where the git mirrors of lore epochs are kept. */
        @WithDefault("data/git")
        String gitDir();

        /** query mode: how far back each incremental search reaches before the last date seen. */
        @WithDefault("2d")
        Duration queryOverlap();

        /** atom mode: most feed pages read per sync when catching up. */
        @WithDefault("400")
        int atomMaxPages();

        /**
         * How long a sync holds its source without renewing (each batch renews it). Another instance
         * takes the source over when a lease runs out, so this bounds the takeover after a crash.
         */
        @WithDefault("10m")
        Duration lease();

        /** A name for this instance in the run log; default host name and process id. */
        Optional<String> instance();
    }

    interface Http {
        /** Hosts that may be fetched; no other host ever is, redirects included. */
        @WithDefault("lore.kernel.org,lwn.net")
        List<String> allowedHosts();

        @WithDefault("10s")
        Duration connectTimeout();

        /** Time allowed for one whole request. */
        @WithDefault("120s")
        Duration requestTimeout();

        /** Attempts per request, the first included. */
        @WithDefault("5")
        int maxAttempts();

        /** First retry delay; doubled on each retry, with jitter. */
        @WithDefault("1s")
        Duration backoff();

        /** Longest wait between two attempts, Retry-After included. */
        @WithDefault("5m")
        Duration maxBackoff();

        /** Least time between two requests to one host. */
        @WithDefault("1s")
        Duration perHostInterval();

        /** Largest response body accepted. */
        @WithDefault("536870912")
        long maxBodyBytes();
    }

    interface Mail {
        /** A message larger than this many bytes is truncated and flagged. */
        @WithDefault("33554432")
        int maxMessageBytes();

        /** Headers beyond this count are dropped and flagged. */
        @WithDefault("1000")
        int maxHeaderCount();

        /** Lines longer than this are cut and flagged. */
        @WithDefault("1048576")
        int maxLineLength();

        /** Decoded body text beyond this many characters is cut and flagged. */
        @WithDefault("16777216")
        int maxBodyChars();
    }

    interface Api {
        /** Items per page when per_page is not given. */
        @WithDefault("50")
        int defaultPerPage();

        /** The largest per_page accepted. */
        @WithDefault("500")
        int maxPerPage();

        /** Cache-Control max-age of lists and details (the event log and worker status are no-cache). */
        @WithDefault("5s")
        Duration cacheMaxAge();

        /**
         * How long an instance trusts the data version it last read before asking the database again:
         * the most a conditional GET can lag a write made on another instance.
         */
        @WithDefault("1s")
        Duration versionCheckInterval();
    }

    interface Topics {
        /**
         * A rules file to use instead of the defaults in the jar (see topics.rules there for the
         * format). Read at every rebuild, so an edit applies on the next reclassify.
         */
        Optional<String> file();
    }

    interface Import {
        /** Messages stored per transaction during an import. */
        @WithDefault("500")
        int batchSize();
    }
}
