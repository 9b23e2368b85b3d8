package dev.patchtrack.core.mail;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.Set;

/**
 * HTML to plain text with jsoup: block elements and {@code <br>} become line breaks, pre is kept. Used
 * for HTML-only mail and for LWN article bodies.
 */
public final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3",
            "h4", "h5", "h6", "pre", "blockquote", "hr", "dl", "dt", "dd", "section", "article", "header",
            "footer", "address");
    private static final Set<String> SKIP = Set.of("script", "style", "head", "title", "template", "noscript");

    private HtmlText() {
    }

    static String toText(String html) {
        return toText(Jsoup.parse(html));
    }

    /** The text of a parsed node and everything below it. */
    public static String toText(Node root) {
        StringBuilder sb = new StringBuilder(256);
        int[] pre = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    if (pre[0] > 0) {
                        sb.append(t.getWholeText());
                    } else {
                        String s = t.text();
                        if (atLineStart(sb)) {
                            s = s.stripLeading();
                        }
                        sb.append(s);
                    }
                } else if (node instanceof Element e) {
                    String name = e.normalName();
                    if (SKIP.contains(name)) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (name.equals("br")) {
                        newline(sb);
                    } else if (BLOCKS.contains(name)) {
                        if (!atLineStart(sb)) {
                            newline(sb);
                        }
                        if (name.equals("pre")) {
                            pre[0]++;
                        }
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    if (e.normalName().equals("pre")) {
                        pre[0]--;
                    }
                    if (!atLineStart(sb)) {
                        newline(sb);
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        return collapseBlankLines(sb.toString()).strip();
    }

    private static boolean atLineStart(StringBuilder sb) {
        return sb.length() == 0 || sb.charAt(sb.length() - 1) == '\n';
    }

    private static void newline(StringBuilder sb) {
        int end = sb.length();
        while (end > 0 && (sb.charAt(end - 1) == ' ' || sb.charAt(end - 1) == '\t')) {
            end--;
        }
        sb.setLength(end);
        sb.append('\n');
    }

    private static String collapseBlankLines(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int newlines = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                newlines++;
                if (newlines <= 2) {
                    out.append(c);
                }
            } else {
                newlines = 0;
                out.append(c);
            }
        }
        return out.toString();
    }
}
