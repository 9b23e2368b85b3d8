package dev.patchtrack.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.support.RealMail;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MboxrdWriterTest {

    static List<byte[]> read(byte[] mbox) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (MboxReader reader = MboxReader.open(new ByteArrayInputStream(mbox), MailLimits.DEFAULTS)) {
            for (MboxReader.MboxEntry e = reader.next(); e != null; e = reader.next()) {
                out.add(e.raw());
            }
        }
        return out;
    }

    @Test
    void realFilesComeBackByteForByte() throws IOException {
        for (RealMail.Archive a : RealMail.Archive.values()) {
            byte[] lore = RealMail.bytes(a);
            List<byte[]> messages = read(lore);
            assertThat(messages).hasSizeGreaterThan(2000);
            assertThat(MboxrdWriter.write(messages)).as(a.file).isEqualTo(lore);
        }
    }

    @Test
    void fromLinesAreQuotedOnceMoreAndReadBackAsTheyWere() throws IOException {
        String mail = "Subject: x\n\nFrom here on\n>From there\n>>From afar\n From indented\nFromage\n";
        byte[] mbox = MboxrdWriter.write(List.of(mail.getBytes(StandardCharsets.UTF_8)));
        assertThat(new String(mbox, StandardCharsets.UTF_8)).isEqualTo(MboxrdWriter.SEPARATOR
                + "Subject: x\n\n>From here on\n>>From there\n>>>From afar\n From indented\nFromage\n\n");
        assertThat(read(mbox)).singleElement().satisfies(m -> assertThat(new String(m, StandardCharsets.UTF_8))
                .isEqualTo(mail));
    }

    @Test
    void bytesCrlfAndAMissingLastNewlineAreKeptAndAnEnvelopeLineIsReplaced() throws IOException {
        byte[] latin1 = "Subject: caf\u00e9\r\n\r\nbody\r\nno newline".getBytes(StandardCharsets.ISO_8859_1);
        byte[] envelope = "From someone@example.org Mon Jan  1 00:00:00 2024\nSubject: y\n\nz\n"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] mbox = MboxrdWriter.write(List.of(latin1, envelope));
        assertThat(new String(mbox, StandardCharsets.ISO_8859_1)).isEqualTo(MboxrdWriter.SEPARATOR
                + "Subject: caf\u00e9\r\n\r\nbody\r\nno newline\n\n" + MboxrdWriter.SEPARATOR + "Subject: y\n\nz\n\n");
        List<byte[]> back = read(mbox);
        assertThat(back).hasSize(2);
        assertThat(new String(back.get(1), StandardCharsets.US_ASCII)).isEqualTo("Subject: y\n\nz\n");
    }
}
