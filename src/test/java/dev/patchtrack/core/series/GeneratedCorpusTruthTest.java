package dev.patchtrack.core.series;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.core.mail.MailLimits;
import dev.patchtrack.core.mail.MailParser;
import dev.patchtrack.core.mail.MboxReader;
import dev.patchtrack.core.model.MailFacts;
import dev.patchtrack.core.patch.PatchAnalyzer;
import dev.patchtrack.core.series.SeriesModel.AppliedDraft;
import dev.patchtrack.core.series.SeriesModel.AttributedTrailer;
import dev.patchtrack.core.series.SeriesModel.PatchSlot;
import dev.patchtrack.core.series.SeriesModel.RevisionDraft;
import dev.patchtrack.core.series.SeriesModel.SeriesDraft;
import dev.patchtrack.support.Corpus;
import dev.patchtrack.support.Truth;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generated kernel corpus through reader, parser, analyser and series builder, against its truth file. */
class GeneratedCorpusTruthTest {

    @Test
    void seriesRevisionsTrailersAndVerdictsMatchTheTruthFile() throws Exception {
        Corpus.Generated corpus = Corpus.fixture(300, 11);
        MailParser parser = new MailParser(MailLimits.DEFAULTS);
        PatchAnalyzer analyzer = new PatchAnalyzer();
        List<MailFacts> facts = new ArrayList<>();
        try (InputStream in = Files.newInputStream(corpus.mbox()); MboxReader reader = MboxReader.open(in, MailLimits.DEFAULTS)) {
            MboxReader.MboxEntry e;
            while ((e = reader.next()) != null) {
                facts.add(analyzer.analyze(parser.parse(e.raw())));
            }
        }
        List<SeriesDraft> drafts = new SeriesBuilder().build(facts);
        Truth truth = new Truth(corpus.truth());
        Truth.Counts[] counts = new Truth.Counts[1];
        List<String> diff = truth.compare(observed(drafts), counts);
        System.out.println("core pipeline compared with the truth file: " + counts[0]);
        assertThat(diff).isEmpty();
        assertThat(counts[0].trailers()).isGreaterThan(1000);
    }

    static Truth.Observed observed(List<SeriesDraft> drafts) {
        List<List<Truth.Rev>> series = new ArrayList<>();
        Map<String, List<Truth.T>> trailers = new HashMap<>();
        Map<String, Set<String>> naks = new HashMap<>();
        for (SeriesDraft s : drafts) {
            List<Truth.Rev> revs = new ArrayList<>();
            for (RevisionDraft r : s.revisions()) {
                Set<String> applied = new HashSet<>();
                for (AppliedDraft a : r.applied()) {
                    if (a.number() == 0) {
                        applied.add(a.messageId());
                    }
                }
                revs.add(new Truth.Rev(r.version(), r.coverMessageId(),
                        r.patches().stream().map(PatchSlot::messageId).toList(), applied));
                for (AttributedTrailer t : r.trailers()) {
                    String email = t.trailer().person() == null ? "" : t.trailer().person().key();
                    String name = t.trailer().person() == null ? null : t.trailer().person().name();
                    trailers.computeIfAbsent(t.patchMessageId(), k -> new ArrayList<>())
                            .add(new Truth.T(t.trailer().name(), email, name, t.sourceMessageId()));
                    if (t.trailer().name().equals("Nacked-by")) {
                        naks.computeIfAbsent(t.patchMessageId(), k -> new HashSet<>()).add(t.sourceMessageId());
                    }
                }
            }
            series.add(revs);
        }
        return new Truth.Observed(series, trailers, naks);
    }
}
