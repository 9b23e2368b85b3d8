package dev.patchtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.api.dto.PersonInfo;
import dev.patchtrack.api.dto.QuartilesInfo;
import dev.patchtrack.api.dto.ReviewerActivityInfo;
import dev.patchtrack.api.dto.TopicLatencyInfo;
import dev.patchtrack.api.dto.TopicWeeksInfo;
import dev.patchtrack.api.dto.WeekInfo;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG plots: well-formed, drawn where the numbers say, every label inert. */
class PlotsTest {

    static final String HOSTILE = "<script>alert(1)</script> & \u202eevil";

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void weeklyLinesShareOneAxisAndScaleToThePeak() throws Exception {
        LocalDate monday = LocalDate.parse("2024-05-06");
        List<TopicWeeksInfo> weeks = List.of(
                new TopicWeeksInfo("rust-core", List.of(new WeekInfo("2024-W19", monday, 4, 0),
                        new WeekInfo("2024-W20", monday.plusWeeks(1), 2, 2))),
                new TopicWeeksInfo(HOSTILE, List.of(new WeekInfo("2024-W21", monday.plusWeeks(2), 1, 1))));
        String svg = Plots.weekly(weeks);
        Document d = parse(svg);
        NodeList lines = d.getElementsByTagName("polyline");
        assertThat(lines.getLength()).isEqualTo(4);
        // rust-core posted: first week at the left edge and the peak (4) at the top of its row
        String[] points = ((Element) lines.item(0)).getAttribute("points").trim().split(" ");
        assertThat(points).containsExactly("150.0,20.0", "425.0,40.0");
        // the hostile topic's week is at the right edge
        assertThat(((Element) lines.item(2)).getAttribute("points").trim()).startsWith("700.0,");
        assertThat(svg).doesNotContain("<script", "\u202e").contains("&lt;script&gt;", "&lt;U+202E&gt;evil");
        assertThat(d.getElementsByTagName("text").item(1).getTextContent()).contains("<script>alert(1)</script> & <U+202E>evil");
    }

    @Test
    void boxesSitOnALogarithmicHourAxis() throws Exception {
        QuartilesInfo q = new QuartilesInfo(4, 1, 10, 100, 1000, 10000);
        String svg = Plots.boxes(List.of(new TopicLatencyInfo("rust-nvme", q, null),
                new TopicLatencyInfo("rust-9p", null, q)), TopicLatencyInfo::v1ToAccepted, "v1 to accepted");
        Document d = parse(svg);
        NodeList rects = d.getElementsByTagName("rect");
        assertThat(rects.getLength()).as("rust-9p has no v1ToAccepted").isEqualTo(1);
        Element box = (Element) rects.item(0);
        // axis up to log10(12000) = 4.079 over 550 px: q1 at 10 h is 1/4.079 of the way, q3 at 1000 h 3/4.079
        double x1 = 150 + 550 * 1 / Math.log10(12000);
        double x3 = 150 + 550 * 3 / Math.log10(12000);
        assertThat(Double.parseDouble(box.getAttribute("x"))).isCloseTo(x1, org.assertj.core.data.Offset.offset(0.1));
        assertThat(Double.parseDouble(box.getAttribute("width"))).isCloseTo(x3 - x1, org.assertj.core.data.Offset.offset(0.2));
        assertThat(box.getTextContent()).isEqualTo("rust-nvme: median 4.2 d, quartiles 10 h to 41.7 d, 4 measured");
        assertThat(Plots.boxes(List.of(), TopicLatencyInfo::firstReview, "x")).contains("nothing measured");
    }

    @Test
    void reviewerBarsStackTheirTrailersAndKeepTheMostActive() throws Exception {
        List<ReviewerActivityInfo> people = List.of(
                new ReviewerActivityInfo(new PersonInfo(HOSTILE, "m@evil.example.org"), 6, 3, 1, 10, 4),
                new ReviewerActivityInfo(new PersonInfo(null, "bare@example.org"), 5, 0, 0, 5, 5),
                new ReviewerActivityInfo(new PersonInfo("Third", "t@example.org"), 1, 0, 0, 1, 1));
        assertThat(Plots.reviewers(List.of(new ReviewerActivityInfo(new PersonInfo("Martin Rodriguez Reboredo Long",
                "m@example.org"), 1, 0, 0, 1, 1)), 5)).contains(">Martin Rodriguez Rebo…<", "Martin Rodriguez Reboredo Long: 1");
        String svg = Plots.reviewers(people, 2);
        Document d = parse(svg);
        NodeList rects = d.getElementsByTagName("rect");
        assertThat(rects.getLength()).isEqualTo(4);
        double unit = (720 - 150 - 20 - 40.0) / 10;
        assertThat(Double.parseDouble(((Element) rects.item(0)).getAttribute("width"))).isCloseTo(6 * unit,
                org.assertj.core.data.Offset.offset(0.1));
        assertThat(svg).contains("bare@example.org").doesNotContain("Third", "<script", "\u202e");
    }
}
