package dev.patchtrack.web;

import io.quarkus.qute.TemplateExtension;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** What the templates call on a Message-ID or a date: links into lore and into these pages, short dates. */
@TemplateExtension(namespace = "link")
public final class Links {

    static final String LORE = "https://lore.kernel.org/r/";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Links() {
    }

    /** The message on lore, its Message-ID encoded into the path. */
    static String lore(String messageId) {
        return UriBuilder.fromUri(LORE).path("{id}/").build(messageId).toString();
    }

    /** The message's page here. */
    static String page(String messageId) {
        return messageUri(messageId).toString();
    }

    static URI messageUri(String messageId) {
        return UriBuilder.fromPath("/messages/{id}").build(messageId);
    }

    /**
     * A link that came with the mail or a feed (a CI's target_url, an LWN page) if it is a web address,
     * else empty: a {@code javascript:} or {@code data:} URL never becomes a link.
     */
    static String web(String url) {
        if (url == null) {
            return "";
        }
        String u = url.strip();
        String lower = u.toLowerCase(java.util.Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) && u.chars().noneMatch(c -> c < 0x21)
                ? u : "";
    }

    /** {@code 2024-05-13}; empty for no date. */
    static String day(Instant t) {
        return t == null ? "" : DAY.format(t);
    }

    /** {@code 2024-05-13 08:00 UTC}; empty for no date. */
    static String minute(Instant t) {
        return t == null ? "" : MINUTE.format(t);
    }
}
