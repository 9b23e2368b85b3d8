package dev.patchtrack.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.List;
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
