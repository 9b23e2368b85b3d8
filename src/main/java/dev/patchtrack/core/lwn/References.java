package dev.patchtrack.core.lwn;

import dev.patchtrack.core.patch.MessageIdLinks;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The references of an article: the Message-IDs its links name (lore's {@code /r/<id>} and
 * {@code /<list>/<id>/}, lkml.kernel.org/r/, patch.msgid.link/, lwn.net/ml/<list>/<id>/, Patchwork by
 * Message-ID), Message-IDs written in its text ({@code <id@host>} whose left side holds a digit, or any
 * id after {@code Message-ID:}), git commits and other Patchwork pages. Each is listed once, in order.
 */
public final class References {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{7,40}");
    private static final Pattern BRACKETED = Pattern.compile("<([^\\s<>@]{1,500}@[^\\s<>@]{1,500})>");
    private static final Pattern LABELLED = Pattern.compile(
            "(?i)\\b(?:message-id|msgid)\\s*[:=]\\s*<?([^\\s<>@]{1,500}@[^\\s<>@]{1,500}?)>?(?=[\\s,;)]|$)");

    private References() {
    }

    /**
     * @param links the article's links, absolute
     * @param text  the article's text, where unlinked URLs and bare Message-IDs are found
     */
    public static List<Reference> extract(List<String> links, String text) {
        Map<String, Reference> out = new LinkedHashMap<>();
        for (String link : links) {
            Reference r = ofUrl(link);
            if (r != null) {
                out.putIfAbsent(r.kind() + " " + r.value(), r);
            }
        }
        for (String line : text.split("\n")) {
            for (String id : MessageIdLinks.messageIds(line)) {
                out.putIfAbsent(Reference.Kind.MESSAGE + " " + id, new Reference(Reference.Kind.MESSAGE, id, null));
            }
            Matcher labelled = LABELLED.matcher(line);
            while (labelled.find()) {
                add(out, labelled.group(1));
            }
            Matcher bare = BRACKETED.matcher(line);
            while (bare.find()) {
                String id = bare.group(1);
                if (id.substring(0, id.indexOf('@')).chars().anyMatch(Character::isDigit)) {
                    add(out, id);
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    private static void add(Map<String, Reference> out, String written) {
        String id = written;
        while (!id.isEmpty() && ".,;:!".indexOf(id.charAt(id.length() - 1)) >= 0) {
            id = id.substring(0, id.length() - 1);
        }
        out.putIfAbsent(Reference.Kind.MESSAGE + " " + id, new Reference(Reference.Kind.MESSAGE, id, null));
    }

    /** What one link refers to, or null when it is none of the kinds. */
    public static Reference ofUrl(String url) {
        String id = lwnMailId(url);
        if (id == null) {
            id = MessageIdLinks.messageId(url);
        }
        if (id != null) {
            return new Reference(Reference.Kind.MESSAGE, id, url);
        }
        URI u;
        try {
            u = new URI(url.strip());
        } catch (URISyntaxException e) {
            return null;
        }
        if (u.getHost() == null) {
            return null;
        }
        String host = u.getHost().toLowerCase(Locale.ROOT);
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        String query = u.getRawQuery() == null ? "" : u.getRawQuery();
        String commit = commit(path, query);
        if (commit != null) {
            return new Reference(Reference.Kind.COMMIT, commit, url);
        }
        if (host.contains("patchwork") || path.contains("/project/") && (path.contains("/patch/")
                || path.contains("/list/") || path.contains("/cover/"))) {
            return new Reference(Reference.Kind.PATCHWORK, url.strip(), url);
        }
        return null;
    }

    /** lwn.net/ml/<list>/<id>/: LWN's own copy of a message. */
    static String lwnMailId(String url) {
        URI u;
        try {
            u = new URI(url.strip());
        } catch (URISyntaxException e) {
            return null;
        }
        String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
        if (!host.equals("lwn.net") && !host.equals("www.lwn.net")) {
            return null;
        }
        String[] segs = (u.getPath() == null ? "" : u.getPath()).split("/");
        // "", "ml", list, id
        if (segs.length < 4 || !segs[1].equals("ml")) {
            return null;
        }
        return MessageIdLinks.messageId("https://lore.kernel.org/r/" + u.getRawPath().split("/")[3]);
    }

    /** A commit hash in cgit's {@code /commit/?id=} or {@code ?h=..&id=}, or {@code /commit/<hash>} (GitHub, GitLab). */
    static String commit(String path, String query) {
        int at = path.indexOf("/commit/");
        if (at < 0) {
            at = path.indexOf("/commit");
            if (at < 0 || at + 7 != path.length()) {
                return null;
            }
        }
        for (String param : query.split("&")) {
            if (param.startsWith("id=") && HEX.matcher(param.substring(3).toLowerCase(Locale.ROOT)).matches()) {
                return param.substring(3).toLowerCase(Locale.ROOT);
            }
        }
        String rest = path.substring(Math.min(path.length(), at + "/commit/".length()));
        int slash = rest.indexOf('/');
        String head = (slash < 0 ? rest : rest.substring(0, slash)).toLowerCase(Locale.ROOT);
        return HEX.matcher(head).matches() ? head : null;
    }
}
