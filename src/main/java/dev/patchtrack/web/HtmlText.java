package dev.patchtrack.web;

import dev.patchtrack.api.text.TextWidth;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.Expression;
import io.quarkus.qute.HtmlEscaper;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * What the HTML templates print of a value: HTML-escaped as Qute always does, and before that every
 * control character, bidi override and isolate, zero-width mark and line separator made visible as
 * {@code <U+202E>} (as the text view for terminals shows them), so a hostile subject can neither hide
 * text nor reorder the page around it.
 */
@Singleton
public class HtmlText {

    static final int PRIORITY = 100;

    void register(@Observes EngineBuilder builder) {
        builder.addResultMapper(new Mapper());
    }

    /** Runs before Qute's own escaper, on the same values (not {@code .raw}) of the same templates. */
    static final class Mapper extends HtmlEscaper {

        Mapper() {
            super(List.of("text/html", "text/xml", "application/xml", "application/xhtml+xml", "image/svg+xml"));
        }

        @Override
        public int getPriority() {
            return PRIORITY;
        }

        @Override
        public String map(Object result, Expression expression) {
            return super.map(TextWidth.visible(result.toString()), expression);
        }
    }

    /** The escaping above, for markup written outside a template (the plots). */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : TextWidth.visible(s == null ? "" : s).toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
