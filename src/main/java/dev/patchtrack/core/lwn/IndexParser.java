package dev.patchtrack.core.lwn;

import dev.patchtrack.core.model.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * LWN's kernel index ({@code /Kernel/Index/}): headings ({@code p.IndexPrimary}, under them
 * {@code p.IndexSecondary}) followed by links to articles with their dates, "(May 1, 2024)". Each
 * article is listed once, under the first heading that names it.
 */
public final class IndexParser {

    /**
     * One article the index lists.
     *
     * @param url       canonical article URL
     * @param title          as the index gives it, without the {@code [$]} mark
     * @param subscriberOnly the index marked it {@code [$]}
     * @param published      the date after the link, or null
     * @param heading        {@code Primary} or {@code Primary/Secondary}, e.g. {@code Rust/NVMe}
     */
    public record Entry(String url, String title, boolean subscriberOnly, Instant published, String heading) {
    }

    /** The entries, and why there are none when the page is not an index. */
    public record Result(List<Entry> entries, List<Problem> problems) {
        public Result {
            entries = List.copyOf(entries);
            problems = List.copyOf(problems);
        }
    }

    private IndexParser() {
    }

    public static Result parse(String html, String pageUrl) {
        Document doc = Jsoup.parse(html, pageUrl);
        if (doc.selectFirst(".IndexPrimary") == null) {
            return new Result(List.of(), List.of(Problem.of(Problem.Code.PAGE_UNRECOGNISED, "no p.IndexPrimary headings: not an LWN index page")));
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        String primary = null;
        String secondary = null;
        for (Element e : doc.select(".IndexPrimary, .IndexSecondary, a[href]")) {
            if (e.hasClass("IndexPrimary")) {
                primary = e.text().strip();
                secondary = null;
            } else if (e.hasClass("IndexSecondary")) {
                secondary = e.text().strip();
            } else if (primary != null) {
                String url = LwnText.canonicalUrl(e.absUrl("href"));
                if (url == null || !LwnText.isArticleUrl(url) || entries.containsKey(url)) {
                    continue;
                }
                Element line = e.parent() == null ? e : e.parent();
                String heading = secondary == null ? primary : primary + "/" + secondary;
                entries.put(url, new Entry(url, LwnText.cleanTitle(e.text()), LwnText.subscriberOnly(e.text()),
                        dateAfter(e, line), heading));
            }
        }
        return new Result(new ArrayList<>(entries.values()), List.of());
    }

    /** The date written after a link: "(May 1, 2024)" up to the next link. */
    private static Instant dateAfter(Element link, Element line) {
        StringBuilder after = new StringBuilder();
        boolean seen = false;
        for (Node n : line.childNodes()) {
            if (n == link) {
                seen = true;
            } else if (seen) {
                if (n instanceof Element el && el.normalName().equals("a")) {
                    break;
                }
                after.append(n instanceof Element el ? el.text() : n instanceof TextNode t ? t.text() : "");
            }
        }
        return LwnText.firstDate(after.toString());
    }
}
