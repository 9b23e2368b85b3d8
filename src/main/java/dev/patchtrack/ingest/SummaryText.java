package dev.patchtrack.ingest;

/** The import summary as a terminal reads it. */
public final class SummaryText {

    private static final int SHOWN_PROBLEMS = 20;

    private SummaryText() {
    }

    public static String render(String source, ImportSummary s) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%s: %,d read, %,d stored, %,d duplicates, %,d unparseable, %,d problems (%.1f s)%n",
                source, s.read(), s.stored(), s.duplicates(), s.unparseable(), s.problemCount(), s.millis() / 1000.0));
        SeriesRebuilder.Summary r = s.rebuild();
        if (r != null && r.messages() > 0) {
            b.append(String.format("series: %,d series, %,d revisions (%,d series and %,d patches written), derived in %.1f s%n",
                    r.series(), r.revisions(), r.seriesWritten(), r.patchesWritten(), r.millis() / 1000.0));
        }
        int shown = 0;
        for (ImportSummary.MessageProblem p : s.problems()) {
            if (shown++ == SHOWN_PROBLEMS) {
                b.append(String.format("  ... and %,d more%n", s.problemCount() - SHOWN_PROBLEMS));
                break;
            }
            b.append("  ");
            if (p.problem().offset() >= 0) {
                b.append("@").append(p.problem().offset()).append(' ');
            }
            if (p.messageId() != null) {
                b.append('<').append(p.messageId()).append("> ");
            }
            b.append(p.problem().detail()).append(" [").append(p.problem().severity().wireName()).append(' ')
                    .append(p.problem().code().wireName()).append(']').append(System.lineSeparator());
        }
        return b.toString().stripTrailing();
    }
}
