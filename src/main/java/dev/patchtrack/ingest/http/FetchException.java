package dev.patchtrack.ingest.http;

import java.io.IOException;

/** A fetch that failed for good: host not allowed, retries used up, or a final error status. */
public class FetchException extends IOException {

    private final int status;

    public FetchException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The last HTTP status, or 0 when there was none (refused, timed out, not allowed). */
    public int status() {
        return status;
    }
}
