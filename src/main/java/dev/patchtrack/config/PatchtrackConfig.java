package dev.patchtrack.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

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

    Checks checks();

    /** What {@code patchtrack audit} and {@code GET /api/audit} doubt. */
    Audit audit();

    /** Following the event log as it grows: {@code GET /api/events/stream}. */
    Events events();

    interface Events {
        /** Event streams open at once on this instance; one more is refused with 503 and Retry-After. */
        @WithDefault("100")
        int maxStreams();

        /** How often the event log is read for the open streams (one query when nothing is new). */
        @WithDefault("1s")
        Duration pollInterval();

        /** A comment line after this long without an event, so that proxies keep the stream open. */
        @WithDefault("15s")
        Duration heartbeat();
    }

    /** Pushing events to subscribers' URLs ({@code /api/webhooks}). */
    Webhooks webhooks();

    interface Webhooks {
        /** Whether this instance sends deliveries (subscriptions can be made either way). */
        @WithDefault("true")
        boolean enabled();

        /** How often the event log and the due deliveries are looked at. */
        @WithDefault("2s")
        Duration pollInterval();

        /** The whole of one attempt: connect, send, and the receiver's answer. */
        @WithDefault("10s")
        Duration timeout();

        /** Attempts before a delivery is given up as failed. */
        @WithDefault("8")
        int maxAttempts();

        /** The wait after the first failed attempt; it doubles after each further one. */
        @WithDefault("30s")
        Duration backoff();

        /** The longest wait between two attempts. */
        @WithDefault("1h")
        Duration maxBackoff();

        /** How long an instance holds a delivery it is sending; a dead instance's claim runs out after it. */
        @WithDefault("2m")
        Duration lease();

        /**
         * How long a gap in the event ids may be an uncommitted transaction: events after a younger gap
         * are delivered, but the subscription's cursor waits at the gap until it fills or grows this old.
         */
        @WithDefault("5m")
        Duration settle();

        /** Subscriptions one token may hold. */
        @WithDefault("50")
        int maxPerToken();
    }

    /** The domain metrics at /q/metrics. */
    Metrics metrics();

    interface Metrics {
        /**
         * How old the store counts behind the gauges (series by state and topic, source lag) may grow
         * before a scrape has them read again, in the background; derivations and syncs of this
         * instance refresh them at once.
         */
        @WithDefault("30s")
        Duration refresh();
    }

    /** Scripts on other origins (browser dashboards) reading the API: {@link CorsSettings}. */
    Cors cors();

    interface Cors {
        /**
         * Origins whose scripts may read the API, the feeds and health ({@code https://dash.example.org},
         * comma-separated), or {@code *} for any. None by default: no CORS at all.
         */
        Optional<List<String>> origins();
    }

    /** Import batching. */
    @WithName("import")
    Import imports();

    /** Starting up. */
    Startup startup();

    interface Startup {
        /**
         * How long start-up waits for the database to answer (a PostgreSQL on a loaded machine, an H2
         * file opened after a crash), trying again and saying so, before it gives up. Once started,
         * requests wait {@code quarkus.datasource.jdbc.acquisition-timeout} and then get a 503.
         */
        @WithDefault("5m")
        Duration databaseWait();
    }

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

    /**
     * Git trees scanned for accepted patches, keyed by a name such as {@code torvalds/linux}:
     * {@code patchtrack.trees."torvalds/linux".url=https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git}.
     * None by default.
     */
    Map<String, Tree> trees();

    /** Who still has to review: the MAINTAINERS file of a tracked tree. */
    MaintainersFile maintainers();

    interface MaintainersFile {
        /**
         * The tree (a name under {@code patchtrack.trees}) whose MAINTAINERS, read at the head of its first
         * branch, says who maintains and reviews which paths. Default: the only configured tree, when there
         * is exactly one; none otherwise.
         */
        Optional<String> tree();
    }

    interface Tree {
        /**
         * A local repository (a path, bare or not, read in place) or a remote git URL, https on an allowed
         * host, fetched into {@code <patchtrack.sync.git-dir>/trees/<name>}.
         */
        String url();

        /** Branches to scan; default the remote's HEAD (a local repository's HEAD), else master. */
        Optional<List<String>> branches();

        /** Release tags: a glob of {@code *} and {@code ?}. The first one whose history holds a commit is its release. */
        @WithDefault("v*")
        String tagPattern();

        /** How often the scheduled scan runs. */
        @WithDefault("1h")
        Duration schedule();

        /** Commits older than this date ({@code 2024-01-01}) are not recorded; default all. */
        Optional<String> since();

        @WithDefault("true")
        boolean enabled();
    }

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

        /** How much of the list's past the first sync reads (full, 90d, 2024-01-01); default {@code sync.history}. */
        Optional<String> history();

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

        /** Where downloads (search results) are kept while they are read; each is deleted after. */
        @WithDefault("data/downloads")
        String downloadDir();

        /**
         * How much of a list's past a source's first sync reads, unless the source says: {@code full}
         * (every epoch of a git inbox, every search hit), a window before the first sync ({@code 90d})
         * or a date ({@code 2024-01-01}). Later syncs read all that is new.
         */
        @WithDefault("90d")
        String history();

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
        /**
         * Hosts that may be fetched; no other host ever is, redirects included. A host alone allows
         * its scheme's port (443 for https, 80 for http); {@code host:port} allows that port and
         * {@code host:*} any port.
         */
        @WithDefault("lore.kernel.org,lwn.net,git.kernel.org,inbox.sourceware.org")
        List<String> allowedHosts();

        @WithDefault("10s")
        Duration connectTimeout();

        /** The deadline of one whole request, connecting and the body included (pages, feeds, messages). */
        @WithDefault("120s")
        Duration requestTimeout();

        /** The deadline of one whole download streamed to disk (search results, git packs). */
        @WithDefault("30m")
        Duration downloadTimeout();

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

        /** Largest body streamed to disk (search results as mbox, git packs); beyond it the download fails. */
        @WithDefault("2147483648")
        long maxBodyBytes();

        /**
         * Largest body read into memory (feeds, pages, a message's raw, git ref advertisements, the
         * manifest once decompressed); beyond it the request fails. Keep it well below the heap.
         */
        @WithDefault("33554432")
        long maxDocumentBytes();

        /**
         * Whether hosts that resolve to loopback, private, link-local or other non-public addresses
         * may be fetched. Off in production, so that an allowed name pointed at an internal address
         * is still refused; on for tests, whose archive server runs on 127.0.0.1.
         */
        @WithDefault("false")
        boolean allowPrivateAddresses();
    }

    /**
     * The mail reader's limits. Each one left out keeps the default of {@code core.mail.MailLimits}, the one
     * place the defaults are written (docs/operations.md lists them).
     */
    interface Mail {
        /** A message larger than this many bytes is truncated and flagged. */
        OptionalInt maxMessageBytes();

        /** Headers beyond this count are dropped and flagged. */
        OptionalInt maxHeaderCount();

        /** Lines longer than this are cut and flagged. */
        OptionalInt maxLineLength();

        /** Decoded body text beyond this many characters is cut and flagged. */
        OptionalInt maxBodyChars();

        /** Message-IDs kept of References (the first and the last ones); beyond it the rest are dropped and flagged. */
        OptionalInt maxReferences();

        /** The decoded Subject and From (name and address) beyond this many characters are cut and flagged. */
        OptionalInt maxHeaderChars();

        /** MIME parts nested deeper than this are not read, and flagged. */
        OptionalInt maxNestingDepth();

        /** MIME parts after this many are not read, and flagged. */
        OptionalInt maxParts();

        /** A Message-ID longer than this is replaced by a synthetic one, and flagged. */
        OptionalInt maxIdLength();
    }

    interface Api {
        /** Items per page when per_page is not given. */
        @WithDefault("50")
        int defaultPerPage();

        /** The largest per_page accepted. */
        @WithDefault("500")
        int maxPerPage();

        /** Largest request body accepted by the API outside of imports; beyond it: 413. */
        @WithDefault("1048576")
        long maxRequestBytes();

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

    interface Checks {
        /**
         * A check rules file to use instead of the defaults in the jar (see checks.rules there for the
         * format): how bots' replies become CI checks. Read at every rebuild, like the topic rules.
         */
        Optional<String> file();
    }

    interface Audit {
        /**
         * Two revisions linked only by the heuristic (same author, same subject, higher version) are
         * doubted when posted further apart than this.
         */
        @WithDefault("60d")
        Duration heuristicGap();
    }

    interface Import {
        /** Messages stored per transaction during an import. */
        @WithDefault("500")
        int batchSize();

        /**
         * Bytes of mail stored per transaction at the most: a batch ends at {@code batch-size} messages
         * or at this many bytes, whichever comes first, so that large messages never make a batch (and
         * the commit that writes it) larger than the heap can hold. A larger message is a batch of its own.
         */
        @WithDefault("4194304")
        long batchBytes();

        /**
         * Threads that parse, analyse and encode batches while the batch before is stored; left out,
         * one per core but one, 1 to 4. Batches are still stored one at a time in the order read; at most this
         * many plus one wait prepared in memory.
         */
        @Min(value = 1, message = "must be at least 1 (left out: one per core but one, 1 to 4)")
        OptionalInt prepareThreads();

        /**
         * Threads that derive groups of messages side by side, each group in a transaction of its own
         * (groups share no key and no stored series, so none changes what another derives); left out,
         * one per core but one (the database's), 1 to 4. A derivation of fewer than derive-split
         * messages runs on one thread.
         */
        @Min(value = 1, message = "must be at least 1 (left out: one per core but one, 1 to 4)")
        OptionalInt deriveThreads();

        /** Messages a derivation must reach before it is split among the derive-threads. */
        @WithDefault("1000")
        @Min(value = 1, message = "must be at least 1")
        int deriveSplit();

        /**
         * Largest upload accepted by /api/import, in bytes; beyond it: 413. At most
         * quarkus.http.limits.max-body-size, which caps every request.
         */
        @WithDefault("1073741824")
        long maxUploadBytes();
    }
}
