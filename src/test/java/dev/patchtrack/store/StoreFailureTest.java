package dev.patchtrack.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreFailureTest {

    @Test
    void aFullDiskIsSeenInTheCauseOrTheState() {
        assertThat(StoreFailure.diskFull(new RuntimeException("write", new IOException("No space left on device")))).isTrue();
        assertThat(StoreFailure.diskFull(new SQLException("could not extend file", "53100"))).isTrue();
        assertThat(StoreFailure.diskFull(new RuntimeException("other", new IOException("Connection reset")))).isFalse();
    }

    @Test
    void aClosedStoreIsRecognisedByH2sCode() {
        assertThat(StoreFailure.closed(new RuntimeException(new SQLException("The database has been closed", "90098", 90098))))
                .isTrue();
        assertThat(StoreFailure.closed(new SQLException("syntax", "42000", 42000))).isFalse();
    }

    @Test
    void onlyAnEmbeddedFileOnAFullDiskCountsAsFull(@TempDir Path dir) {
        // a disk with room (the build's temporary directory), then URLs that name no file at all
        assertThat(StoreFailure.embeddedDiskFull("jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE")).isFalse();
        assertThat(StoreFailure.embeddedDiskFull("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1")).isFalse();
        assertThat(StoreFailure.embeddedDiskFull("jdbc:h2:tcp://127.0.0.1:1/db")).isFalse();
        assertThat(StoreFailure.embeddedDiskFull("jdbc:postgresql://127.0.0.1:5432/patchtrack")).isFalse();
        assertThat(StoreFailure.embeddedDiskFull(null)).isFalse();
    }
}
