package dev.patchtrack.ingest;

import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.core.mail.MailLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Turns the {@code patchtrack.mail.*} settings into the mail reader's limits. */
@ApplicationScoped
public class MailLimitsProducer {

    @Produces
    @Singleton
    MailLimits limits(PatchtrackConfig config) {
        PatchtrackConfig.Mail m = config.mail();
        return new MailLimits(m.maxMessageBytes(), m.maxHeaderCount(), m.maxLineLength(), m.maxBodyChars(), m.maxReferences(),
                m.maxHeaderChars());
    }
}
