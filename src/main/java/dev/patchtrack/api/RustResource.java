package dev.patchtrack.api;

import dev.patchtrack.api.dto.RustArchInfo;
import dev.patchtrack.api.dto.RustReleaseInfo;
import dev.patchtrack.api.dto.RustSeriesInfo;
import dev.patchtrack.api.dto.RustStatusInfo;
import dev.patchtrack.core.rust.ReleaseCycles;
import dev.patchtrack.core.rust.RustChanges;
import dev.patchtrack.core.rust.RustRelease;
import dev.patchtrack.core.tree.TagOrder;
import dev.patchtrack.service.Reads;
import dev.patchtrack.store.ArticleRepository;
import dev.patchtrack.store.PackedList;
import dev.patchtrack.store.RustReleaseRepository;
import dev.patchtrack.store.RustReleaseRepository.SeriesFirst;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Where Rust in Linux stands per release, read from a tracked tree at each release tag: minimum rustc and
 * bindgen, the architectures that support Rust, the Rust code under {@code rust/} and {@code drivers/},
 * and the Rust series each release first carried.
 */
@Path("/api/rust")
@Produces(MediaType.APPLICATION_JSON)
public class RustResource {

    @Inject
    Reads reads;

    @Inject
    RustReleaseRepository releases;

    @Inject
    ArticleRepository articles;

    @Inject
    ArticleViews articleViews;

    @GET
    @Path("status")
    @Operation(summary = "Where Rust stands at one release: minimum rustc and bindgen, architectures, Rust code,"
            + " the Rust series it first carried and what changed since the release before")
    public RustStatusInfo status(
            @Parameter(description = "a release tag of the tree (default: the latest release that is not a release"
                    + " candidate)", example = "v6.13") @QueryParam("release") String release,
            @Parameter(description = "the tracked tree (default: the first by name that has releases)",
                    example = "torvalds/linux") @QueryParam("tree") String tree) {
        return reads.call(() -> {
            Map.Entry<String, Long> t = tree(tree);
            List<RustRelease> all = releases.releases(t.getValue());
            RustRelease r = release == null || release.isBlank() ? latest(all) : find(all, release.strip());
            int at = all.indexOf(r);
            RustRelease previous = at > 0 ? all.get(at - 1) : null;
            List<String> tags = all.stream().map(RustRelease::tag).toList();
            Map<Long, SeriesFirst> firsts = new LinkedHashMap<>();
            releases.seriesFirstTags(t.getValue()).forEach(s -> firsts.put(s.seriesId(), s));
            Map<Long, String> firstTag = new LinkedHashMap<>();
            firsts.forEach((id, s) -> firstTag.put(id, s.firstTag()));
            List<RustSeriesInfo> series = new ArrayList<>();
            for (Long id : ReleaseCycles.firstIn(tags, r.tag(), firstTag)) {
                SeriesFirst s = firsts.get(id);
                series.add(new RustSeriesInfo(id, s.title(), PackedList.SERIES_TOPICS.decode(s.topics()), s.firstTag(),
                        articleViews.summaries(articles.mentioning(id)), "/api/series/" + id));
            }
            return new RustStatusInfo(t.getKey(), r.tag(), r.commit(), r.taggedAt(), TagOrder.preRelease(r.tag()),
                    r.rustcMin(), r.bindgenMin(), r.architectures().stream().map(a -> new RustArchInfo(a.arch(), a.haveRust(),
                    a.condition(), a.support(), a.constraints())).toList(), r.rustFiles(), r.rustLines(), r.driverFiles(),
                    r.driverLines(), previous == null ? null : previous.tag(), RustChanges.between(previous, r), series);
        });
    }

    @GET
    @Path("releases")
    @Operation(summary = "The table over releases: minimum rustc and bindgen, architectures that can enable Rust,"
            + " Rust files and lines, Rust series first carried")
    public List<RustReleaseInfo> releases(
            @Parameter(description = "the tracked tree (default: the first by name that has releases)",
                    example = "torvalds/linux") @QueryParam("tree") String tree) {
        return reads.call(() -> {
            Map.Entry<String, Long> t = tree(tree);
            List<RustRelease> all = releases.releases(t.getValue());
            List<String> tags = all.stream().map(RustRelease::tag).toList();
            Map<Long, String> firstTag = new LinkedHashMap<>();
            releases.seriesFirstTags(t.getValue()).forEach(s -> firstTag.put(s.seriesId(), s.firstTag()));
            Map<String, Integer> counts = ReleaseCycles.counts(tags, firstTag);
            List<RustReleaseInfo> out = new ArrayList<>();
            for (RustRelease r : all) {
                out.add(new RustReleaseInfo(r.tag(), r.taggedAt(), TagOrder.preRelease(r.tag()), r.rustcMin(), r.bindgenMin(),
                        r.enabled(), r.rustFiles(), r.rustLines(), r.driverFiles(), r.driverLines(), counts.get(r.tag()),
                        "/api/rust/status?release=" + java.net.URLEncoder.encode(r.tag(), java.nio.charset.StandardCharsets.UTF_8)
                                + "&tree=" + java.net.URLEncoder.encode(t.getKey(), java.nio.charset.StandardCharsets.UTF_8)));
            }
            return out;
        });
    }

    /** The tree asked for, else the first by name with releases; a 400 names the ones there are. */
    private Map.Entry<String, Long> tree(String name) {
        Map<String, Long> trees = releases.trees();
        if (name == null || name.isBlank()) {
            if (trees.isEmpty()) {
                throw ApiProblem.notFound("no release of a tracked tree has been read yet: configure"
                        + " patchtrack.trees.<name>.url and scan it (POST /api/trees/<name>/scan)");
            }
            return trees.entrySet().iterator().next();
        }
        Long id = trees.get(name.strip());
        if (id == null) {
            throw ApiProblem.badParameter("tree", KnownValues.unknown("tree", name, trees.keySet()));
        }
        return Map.entry(name.strip(), id);
    }

    /** The latest release that is not a pre-release, else the latest tag. */
    private static RustRelease latest(List<RustRelease> all) {
        for (int i = all.size() - 1; i >= 0; i--) {
            if (!TagOrder.preRelease(all.get(i).tag())) {
                return all.get(i);
            }
        }
        if (all.isEmpty()) {
            throw ApiProblem.notFound("the tree has no release tags yet");
        }
        return all.get(all.size() - 1);
    }

    private static RustRelease find(List<RustRelease> all, String tag) {
        for (RustRelease r : all) {
            if (r.tag().equals(tag)) {
                return r;
            }
        }
        throw ApiProblem.badParameter("release", KnownValues.unknown("release", tag,
                all.stream().map(RustRelease::tag).toList()));
    }
}
