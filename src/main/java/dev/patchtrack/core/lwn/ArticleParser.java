package dev.patchtrack.core.lwn;

import dev.patchtrack.core.model.Problem;
import dev.patchtrack.core.mail.HtmlText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * An LWN article page, read with jsoup. The title is {@code div.PageHeadline h1}; the article is
 * {@code div.ArticleText}; the byline is {@code .FeatureByline} ("By Jonathan Corbet / May 1, 2024")
 * or {@code .Byline} ("[Kernel] Posted May 1, 2024 by corbet"). A subscriber-only article, until it
 * becomes free, is a notice that it "is available to LWN subscribers only", often with the day it
 * becomes "freely available". Never throws: what is missing is in the page's problems.
 */
public final class ArticleParser {

    private static final Pattern FREE_ON = Pattern.compile("freely available on (" + LwnText.DATE + ")");
    private static final Pattern POSTED = Pattern.compile("Posted (" + LwnText.DATE + ")(?:.*?\\bby (.+))?");
    private static final Pattern BY = Pattern.compile("^By (.+?)\\s+(" + LwnText.DATE + ")");
    private static final Pattern SECTION = Pattern.compile("^\\[([^\\]]{1,100})\\]");
    /** Page furniture inside the article: bylines, the index table, comments, forms, ads. */
    private static final String FURNITURE = ".FeatureByline, .Byline, table.IndexEntries, .CommentBox, form, "
            + "script, style, .MakeALink, .ad, .sidebar";

    private ArticleParser() {
    }

    public static ArticlePage parse(String html, String pageUrl) {
        Document doc = Jsoup.parse(html, pageUrl);
        List<Problem> problems = new ArrayList<>();
        Element headline = doc.selectFirst("div.PageHeadline h1, div.PageHeadline");
        if (headline == null) {
            headline = doc.selectFirst("h1");
        }
        String title = headline == null ? null : LwnText.cleanTitle(headline.text());
        if (title != null && title.isEmpty()) {
            title = null;
        }
        String pageText = doc.text();
        if (paywall(pageText)) {
            Matcher free = FREE_ON.matcher(pageText);
            Instant freeAt = free.find() ? LwnText.firstDate(free.group(1)) : null;
            return new ArticlePage(title, null, null, null, List.of(), "", List.of(), true, freeAt, problems);
        }
        Element body = doc.selectFirst("div.ArticleText");
        if (body == null) {
            problems.add(Problem.of(Problem.Code.PAGE_UNRECOGNISED, "no div.ArticleText: not an LWN article page"));
            return new ArticlePage(title, null, null, null, List.of(), "", List.of(), false, null, problems);
        }
        if (title == null) {
            problems.add(Problem.of(Problem.Code.PAGE_INCOMPLETE, "no headline (div.PageHeadline h1)"));
        }
        String author = null;
        Instant published = null;
        String section = null;
        Element byline = body.selectFirst(".FeatureByline, .Byline");
        if (byline == null) {
            byline = doc.selectFirst(".FeatureByline, .Byline");
        }
        if (byline != null) {
            String line = byline.text().strip();
            Matcher by = BY.matcher(line);
            Matcher posted = POSTED.matcher(line);
            if (by.find()) {
                author = by.group(1);
                published = LwnText.firstDate(by.group(2));
            } else if (posted.find()) {
                published = LwnText.firstDate(posted.group(1));
                author = posted.group(2) == null ? null : posted.group(2).strip();
            }
            Element bold = byline.selectFirst("b");
            if (bold != null && !bold.text().isBlank()) {
                author = bold.text().strip();
            }
            Matcher s = SECTION.matcher(line);
            if (s.find()) {
                section = s.group(1).strip();
            }
        }
        if (author == null || published == null) {
            problems.add(Problem.of(Problem.Code.PAGE_INCOMPLETE, "no byline with author and date"));
        }
        List<String> indexTerms = new ArrayList<>();
        for (Element row : doc.select("table.IndexEntries tr")) {
            List<String> cells = row.select("td").eachText();
            if (cells.size() >= 2 && !cells.get(0).isBlank()) {
                indexTerms.add(cells.get(0).strip() + ": " + cells.get(1).strip());
            }
        }
        if (section == null && !indexTerms.isEmpty()) {
            section = indexTerms.get(0).substring(0, indexTerms.get(0).indexOf(':'));
        }
        Element article = body.clone();
        article.select(FURNITURE).remove();
        Set<String> links = new LinkedHashSet<>();
        for (Element a : article.select("a[href]")) {
            String abs = a.absUrl("href");
            if (!abs.isEmpty() && abs.toLowerCase(Locale.ROOT).startsWith("http")) {
                links.add(abs);
            }
        }
        String text = HtmlText.toText(article);
        if (text.isEmpty()) {
            problems.add(Problem.of(Problem.Code.PAGE_INCOMPLETE, "div.ArticleText holds no text"));
        }
        return new ArticlePage(title, author, published, section, indexTerms, text, List.copyOf(links), false, null,
                problems);
    }

    /** LWN's notice in place of a subscriber-only article. */
    static boolean paywall(String pageText) {
        String t = pageText.toLowerCase(Locale.ROOT);
        return t.contains("available to lwn subscribers only") || t.contains("subscription required")
                && t.contains("subscribers");
    }
}
