package dev.patchtrack.api;

import dev.patchtrack.api.dto.TreeInfo;
import dev.patchtrack.api.dto.TreeScanInfo;
import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.ingest.tree.TreeService;
import dev.patchtrack.service.Reads;
import dev.patchtrack.store.TreeRepository;
import dev.patchtrack.store.TreeRepository.TreeStatus;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The git trees scanned for accepted patches: their status publicly, a scan now with a token. */
@Path("/api/trees")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class TreeResource {

    @Inject
    Reads reads;

    @Inject
    TreeRepository trees;

    @Inject
    TreeService service;

    @GET
    @Operation(summary = "Every configured tree: branch tips, last scan, its error, commits recorded, patches matched")
    public List<TreeInfo> list() {
        return reads.call(() -> {
            Map<String, TreeStatus> stored = new HashMap<>();
            trees.status().forEach(s -> stored.put(s.tree().name(), s));
            List<TreeInfo> out = new ArrayList<>();
            Instant now = Instant.now();
            for (Map.Entry<String, PatchtrackConfig.Tree> e : service.configured().entrySet()) {
                TreeStatus s = stored.get(e.getKey());
                if (s == null) {
                    out.add(new TreeInfo(e.getKey(), e.getValue().url(), Map.of(), null, null, null, null, 0, 0, 0, 0, false));
                    continue;
                }
                TreeRepository.TreeRow t = s.tree();
                out.add(new TreeInfo(t.name(), e.getValue().url(), s.branches(), s.latestTag(), t.lastScanAt(),
                        t.lastSuccessAt(), t.lastError(), t.lastCommits(), s.commits(), s.tagged(), s.matches(),
                        t.leaseUntil() != null && t.leaseUntil().isAfter(now)));
            }
            return out;
        });
    }

    @POST
    @Path("{name: .+}/scan")
    @RequiresToken
    @Operation(summary = "Scan one tree now (needs a token): new commits, new release tags, patches they carry")
    public TreeScanInfo scan(@Parameter(description = "the tree's configured name (may hold /)", example = "torvalds/linux") @PathParam("name") String name) {
        if (!service.configured().containsKey(name)) {
            throw ApiProblem.notFound("no tree '" + name + "' is configured; configured: " + service.configured().keySet());
        }
        TreeService.Scan s = service.scan(name);
        if (s.skipped()) {
            throw new ApiProblem(409, "Busy", "tree '" + name + "' is being scanned by another instance", null);
        }
        if (s.error() != null) {
            throw new ApiProblem(422, "Scan failed", s.error(), null);
        }
        return new TreeScanInfo(s.tree(), s.walked(), s.added(), s.tagged(), s.matchesChanged(), s.rebuilt(), s.releasesRead(), s.tips(),
                s.millis());
    }
}
