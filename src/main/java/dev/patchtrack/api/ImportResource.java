package dev.patchtrack.api;

import dev.patchtrack.api.dto.ImportInfo;
import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.ingest.ImportService;
import dev.patchtrack.ingest.ImportSummary;
import dev.patchtrack.ingest.SeriesRebuilder;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Upload of an mbox, an mbox.gz or one raw message: {@code curl -T file.mbox -H 'Authorization:
 * Bearer ...' 'http://host:8080/api/import?list=rust-for-linux'} (PUT) or the same as a POST body.
 */
@Path("/api/import")
@RequiresToken
@Blocking
public class ImportResource {

    @Inject
    ImportService importer;

    @Inject
    PatchtrackConfig config;

    private static ApiProblem tooLarge(long limit) {
        return new ApiProblem(413, "Payload too large", "the upload is larger than the limit of " + limit
                + " bytes (patchtrack.import.max-upload-bytes); what was read before it is kept", null);
    }

    /**
     * A body without Content-Length (chunked) is counted as it is read: past the limit, reading
     * stops with an IOException, which ends the import as a truncated stream.
     */
    static final class CappedStream extends java.io.FilterInputStream {
        private final long limit;
        private long count;
        private boolean exceeded;

        CappedStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        boolean exceeded() {
            return exceeded;
        }

        @Override
        public int read() throws java.io.IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws java.io.IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws java.io.IOException {
            count += n;
            if (count > limit) {
                exceeded = true;
                throw new java.io.IOException("upload larger than " + limit + " bytes");
            }
        }
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import mail (mbox, mbox.gz or one message) as the request body")
    @SecurityRequirement(name = "bearer")
    public ImportInfo post(@Parameter(description = "file every message under this list; default: its List-Id")
                           @QueryParam("list") String list, InputStream body) {
        return run(list, body);
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The same as POST, for curl -T")
    @SecurityRequirement(name = "bearer")
    public ImportInfo put(@Parameter(description = "the list the mail is filed under", example = "rust-for-linux")
                          @QueryParam("list") String list, InputStream body) {
        return run(list, body);
    }

    private ImportInfo run(String list, InputStream body) {
        String name = list == null || list.isBlank() ? null : list.strip();
        if (name != null && !ImportService.validListName(name)) {
            throw ApiProblem.badParameter("list", "list must be a list name such as rust-for-linux (letters, digits, . _ + -)");
        }
        if (body == null) {
            throw ApiProblem.badParameter("body", "the request body must hold the mail to import");
        }
        long limit = config.imports().maxUploadBytes();
        CappedStream capped = new CappedStream(body, limit);
        ImportSummary s;
        try {
            s = importer.importStream(capped, name, ImportService.Progress.NONE);
        } catch (RuntimeException e) {
            if (capped.exceeded()) {
                throw tooLarge(limit);
            }
            throw e;
        }
        if (capped.exceeded()) {
            throw tooLarge(limit);
        }
        return new ImportInfo(s.list(), s.read(), s.stored(), s.duplicates(), s.unparseable(), s.problemCount(),
                s.problems().stream().map(p -> ImportInfo.ImportProblemInfo.of(p.messageId(), p.problem())).toList(),
                s.bytes(), s.millis(), s.rebuild() != SeriesRebuilder.Summary.NOTHING);
    }
}
