package dev.patchtrack.ingest;

/** What a use case was asked to act on does not exist: the API answers 404 with this message. */
public class NotFound extends RuntimeException {

    public NotFound(String detail) {
        super(detail, null, false, false);
    }
}
