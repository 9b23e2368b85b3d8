package dev.patchtrack.api;

import dev.patchtrack.api.dto.CheckInfo;
import dev.patchtrack.ingest.CheckService;
import dev.patchtrack.service.Reads;
import dev.patchtrack.store.CheckEntity;
import dev.patchtrack.store.CheckRepository;
import dev.patchtrack.store.MessageHeads;
import dev.patchtrack.store.PatchEntity;
import dev.patchtrack.store.SeriesLookups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks of patches, for the patch resource and Patchwork's: the one place a check is validated
 * and recorded (then the patch's series is derived again, so a failing check reaches its revision's
 * reason), and checks mapped to the API's records in bulk.
 */
@ApplicationScoped
public class PatchChecks {

    /** Patchwork's check states, in the order its documentation lists them. */
    public static final List<String> STATES = List.of("pending", "success", "warning", "fail");

    /** A validated check to record. */
    public record NewCheck(String state, String context, String targetUrl, String description) {
    }

    @Inject
    CheckRepository checks;

    @Inject
    SeriesLookups seriesLookups;

    @Inject
    MessageHeads heads;

    @Inject
    CheckService service;

    @Inject
    Reads reads;

    /** Checks a posted check's fields; a bad one is a 400 naming it. A blank context is {@code default}. */
    public static NewCheck validate(String state, String context, String targetUrl, String description) {
        String s = state == null ? "" : state.strip().toLowerCase(java.util.Locale.ROOT);
        if (s.isEmpty()) {
            throw ApiProblem.badParameter("state", "a check must have a state: " + String.join(", ", STATES));
        }
        if (!STATES.contains(s)) {
            throw ApiProblem.badParameter("state", KnownValues.unknown("state", s, STATES));
        }
        String c = context == null || context.isBlank() ? "default" : context.strip();
        if (!c.matches("[A-Za-z0-9_.-]{1,255}")) {
            throw ApiProblem.badParameter("context", "context must be a slug (letters, digits, '-', '_', '.'), not '"
                    + Params.clip(c) + "'");
        }
        if (targetUrl != null && !targetUrl.isBlank() && !targetUrl.strip().matches("(?i)https?://\\S+")) {
            throw ApiProblem.badParameter("target_url", "target_url must be an http(s) URL");
        }
        return new NewCheck(s, c, targetUrl == null || targetUrl.isBlank() ? null : targetUrl.strip(), description);
    }

    /**
     * Records a check on a patch with its event through the {@link CheckService}, which derives the
     * patch's series again; 404 for an unknown patch. Returns the check as recorded.
     */
    public CheckInfo add(long patchId, NewCheck c, String by) {
        long checkId = service.add(patchId, c.state(), c.context(), c.targetUrl(), c.description(), by);
        return reads.call(() -> of(patchId).stream().filter(x -> x.id() == checkId).findFirst().orElseThrow());
    }

    /** The checks of a patch, oldest first, in the caller's transaction; 404 for an unknown patch. */
    public List<CheckInfo> of(long patchId) {
        PatchEntity p = seriesLookups.findPatch(patchId).orElseThrow(() -> ApiProblem.notFound("no patch " + patchId));
        return ofMessages(List.of(p.messagePk)).getOrDefault(p.messagePk, List.of());
    }

    /** The checks of each of these messages, oldest first, with the bots' messages they came from. */
    public Map<Long, List<CheckInfo>> ofMessages(Collection<Long> messagePks) {
        Map<Long, List<CheckEntity>> stored = checks.shownOn(messagePks);
        List<Long> sources = stored.values().stream().flatMap(List::stream).map(c -> c.sourceMessagePk)
                .filter(java.util.Objects::nonNull).distinct().toList();
        Map<Long, MessageHeads.Head> msgs = heads.byIds(sources);
        Map<Long, List<CheckInfo>> out = new HashMap<>();
        stored.forEach((pk, list) -> out.put(pk, list.stream().map(c -> info(c, msgs.get(c.sourceMessagePk))).toList()));
        return out;
    }

    /** Patchwork's combined check of a patch's checks. */
    public static String combined(List<CheckInfo> list) {
        return dev.patchtrack.core.review.Checks.combined(list.stream()
                .map(c -> new dev.patchtrack.core.review.Checks.Result(c.context(), c.state(), c.description())).toList());
    }

    private static CheckInfo info(CheckEntity c, MessageHeads.Head source) {
        CheckInfo.Source from = c.sourceMessagePk == null ? new CheckInfo.Source("posted", null, c.createdBy, null)
                : new CheckInfo.Source("mail", source == null ? null : source.messageId(), c.createdBy, c.rule);
        return new CheckInfo(c.id, c.state, c.context, c.targetUrl, c.description, from, c.createdAt);
    }
}
