package dev.patchtrack.api;

import dev.patchtrack.api.dto.MessageInfo;
import dev.patchtrack.api.dto.ParseProblemInfo;
import dev.patchtrack.api.dto.PullRequestInfo;
import dev.patchtrack.api.dto.StateInfo;
import dev.patchtrack.core.mail.MboxrdWriter;
import dev.patchtrack.core.model.Problem;
import dev.patchtrack.core.model.PullRequest;
import dev.patchtrack.service.Reads;
import dev.patchtrack.store.ArticleRepository;
import dev.patchtrack.store.FactsCodec;
import dev.patchtrack.store.MessageEntity;
import dev.patchtrack.store.MessageHeads;
import dev.patchtrack.store.MessageRepository;
import dev.patchtrack.store.Person;
import dev.patchtrack.store.ReviewColumns;
import dev.patchtrack.store.SeriesReads;
import dev.patchtrack.store.SeriesLookups;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * What a message is. A maintainer pastes a Message-ID as it comes: with or without angle brackets,
 * URL-encoded or not. {@code .../raw} gives the original bytes.
 */
@Path("/api/messages")
public class MessageResource {

    @Inject
    MessageRepository messages;

    @Inject
    SeriesLookups seriesLookups;

    @Inject
    SeriesReads seriesReads;

    @Inject
    ArticleRepository articles;

    @Inject
    MessageHeads heads;

    @Inject
    Reads reads;

    @Inject
    KeptAnswers answers;

    @GET
    @Path("{id: .+}")
    @Produces({MediaType.APPLICATION_JSON, "message/rfc822"})
    @Operation(summary = "What a message is: its patch, revision and series, their state, and links; /raw gives the mail",
            description = "Paste the Message-ID as it comes: with or without angle brackets, URL-encoded or not, or"
                    + " with an id: prefix. Append /raw for the original bytes (message/rfc822).")
    @APIResponse(responseCode = "200", description = "the message and where it belongs", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "patch", value = ApiExamples.MESSAGE)),
            @Content(mediaType = "message/rfc822")})
    @APIResponse(responseCode = "404", description = "no such message", content = @Content(mediaType = ProblemMappers.PROBLEM_JSON))
    public Response get(@Parameter(description = "the Message-ID, with or without <>, URL-encoded or not")
                        @PathParam("id") String id) {
        String mid = Params.messageId(id);
        if (mid.isEmpty()) {
            throw ApiProblem.badParameter("id", "a Message-ID is needed");
        }
        Optional<byte[]> detail = answers.message(mid, () -> messages.shown(mid).map(m -> {
            Rendered r = rendered(m);
            return new KeptAnswers.Rendering(r.info(), m.id, r.series(), r.people(), true);
        }));
        if (detail.isPresent()) {
            return Response.ok(new JsonDocument(detail.get(), () -> message(id)), SeriesResource.JSON_UTF8).build();
        }
        return reads.call(() -> {
            if (mid.endsWith("/raw")) {
                String base = Params.messageId(mid.substring(0, mid.length() - 4));
                MessageEntity m = messages.findByMessageId(base)
                        .orElseThrow(() -> ApiProblem.notFound("no message <" + base + ">"));
                return Response.ok(messages.raw(m), "message/rfc822").build();
            }
            throw ApiProblem.notFound("no message <" + mid + ">");
        });
    }

    @GET
    @Path("{id: .+}/thread.mbox")
    @Operation(summary = "The whole thread that holds the message, as lore's t.mbox: mboxrd, oldest first, each"
            + " message as stored")
    @APIResponse(responseCode = "200", description = "the thread", content = @Content(mediaType = Mboxes.MBOX))
    @APIResponse(responseCode = "404", description = "no such message", content = @Content(mediaType = ProblemMappers.PROBLEM_JSON))
    public Response thread(@Parameter(description = "the Message-ID, with or without <>, URL-encoded or not")
                           @PathParam("id") String id) {
        return reads.call(() -> {
            MessageEntity m = known(id);
            return Response.ok(MboxrdWriter.write(threadOf(m)), Mboxes.MBOX)
                    .header("Content-Disposition", "inline; filename=\"" + Mboxes.fileName(m.subject, "thread") + ".mbox\"")
                    .build();
        });
    }

    @GET
    @Path("{id: .+}/thread.mbox.gz")
    @Operation(summary = "The whole thread that holds the message, as lore's t.mbox.gz: gzip of the thread's mboxrd")
    @APIResponse(responseCode = "200", description = "the thread", content = @Content(mediaType = "application/gzip"))
    @APIResponse(responseCode = "404", description = "no such message", content = @Content(mediaType = ProblemMappers.PROBLEM_JSON))
    public Response threadGz(@Parameter(description = "the Message-ID, with or without <>, URL-encoded or not")
                             @PathParam("id") String id) {
        return reads.call(() -> {
            MessageEntity m = known(id);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(MboxrdWriter.write(threadOf(m)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Response.ok(out.toByteArray(), "application/gzip").header("Content-Disposition",
                    "attachment; filename=\"" + Mboxes.fileName(m.subject, "thread") + ".mbox.gz\"").build();
        });
    }

    /** What a pasted Message-ID names, as {@link #get} gives it; 404 when there is none. */
    public MessageInfo message(String id) {
        return reads.call(() -> info(known(id)));
    }

    /** The message a pasted Message-ID names; 404 when there is none. */
    private MessageEntity known(String id) {
        String mid = Params.messageId(id);
        if (mid.isEmpty()) {
            throw ApiProblem.badParameter("id", "a Message-ID is needed");
        }
        return messages.shown(mid).orElseThrow(() -> ApiProblem.notFound("no message <" + mid + ">"));
    }

    /** The stored bytes of the thread's messages, oldest first. */
    private List<byte[]> threadOf(MessageEntity m) {
        List<Long> pks = heads.thread(m.id);
        Map<Long, byte[]> raw = messages.rawByPks(pks);
        return pks.stream().map(raw::get).toList();
    }

    /** The pull request of a {@code pull} message, from its stored facts. */
    private static PullRequestInfo pull(MessageEntity m) {
        if (!"pull".equals(m.kind) || m.facts == null) {
            return null;
        }
        PullRequest p = FactsCodec.read(m.facts).pull();
        return p == null ? null
                : new PullRequestInfo(p.repository(), p.branch(), p.baseCommit(), p.headCommit(), p.commits());
    }

    private MessageInfo info(MessageEntity m) {
        return rendered(m).info();
    }

    /**
     * A message's detail, with the series it belongs to (or whose thread it is in) and the people it
     * names, on which its kept document depends.
     */
    private record Rendered(MessageInfo info, Long series, Set<Long> people) {
    }

    private Rendered rendered(MessageEntity m) {
        Long seriesId = null;
        Long revisionId = null;
        Integer version = null;
        Integer number = null;
        Long patchId = null;
        ReviewColumns review = null;
        boolean overridden = false;
        Long threadSeries;
        String seriesTitle;
        Optional<SeriesReads.Placement> placed = seriesReads.placementOf(m.id);
        if (placed.isPresent()) {
            SeriesReads.Placement p = placed.get();
            patchId = p.patchId();
            number = p.number();
            review = p.review();
            overridden = p.overridden();
            revisionId = p.revisionId();
            seriesId = p.seriesId();
            version = p.version();
            threadSeries = seriesId;
            seriesTitle = p.seriesTitle();
        } else {
            ArticleRepository.Target t = articles.resolve(List.of(m.messageId)).get(m.messageId);
            threadSeries = t == null ? null : t.seriesId();
            seriesTitle = threadSeries == null ? null : seriesLookups.titleOf(threadSeries);
        }
        Set<Long> personIds = new HashSet<>();
        personIds.add(m.fromPersonId);
        Set<Long> causes = new HashSet<>();
        if (review != null) {
            personIds.add(review.personId);
            causes.add(review.messagePk);
        }
        Map<Long, Person> people = heads.people(personIds);
        Person from = m.fromPersonId == null ? null : people.get(m.fromPersonId);
        StateInfo state = review == null ? null : Views.state(review, overridden, people, heads.byIds(causes));
        Map<String, String> links = new LinkedHashMap<>();
        String self = UriBuilder.fromPath("/api/messages/{id}").build(m.messageId).toString();
        links.put("self", self);
        links.put("raw", self + "/raw");
        links.put("lore", Mboxes.LORE + UriBuilder.fromPath("{id}").build(m.messageId).toString());
        if (patchId != null) {
            links.put("patch", "/api/patches/" + patchId);
        }
        if (threadSeries != null) {
            links.put("series", "/api/series/" + threadSeries);
            links.put("mbox", "/api/series/" + threadSeries + "/mbox" + (version == null ? "" : "?version=" + version));
            links.put("feed", "/feeds/series/" + threadSeries + ".atom");
        }
        List<Problem> problems = Problem.decode(m.problems);
        personIds.remove(null);
        return new Rendered(new MessageInfo(m.messageId, m.kind, m.subject, Views.person(from), m.sentAt, messages.listNames(m.id),
                m.inReplyTo, m.syntheticId, m.readable, m.deleted, Problem.details(problems),
                ParseProblemInfo.of(problems), seriesId, revisionId, version, number, patchId, seriesTitle, state, links, pull(m)),
                threadSeries, personIds);
    }
}
