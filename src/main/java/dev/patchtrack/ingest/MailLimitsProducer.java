package dev.patchtrack.ingest;

import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.core.mail.MailLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Turns the {@code patchtrack.mail.*} settings into the mail reader's limits: each setting given replaces
 * its default in {@link MailLimits#DEFAULTS}, each one left out keeps it.
 */
@ApplicationScoped
public class MailLimitsProducer {

    @Produces
    @Singleton
    MailLimits limits(PatchtrackConfig config) {
        return limits(config.mail());
    }

    static MailLimits limits(PatchtrackConfig.Mail m) {
        MailLimits d = MailLimits.DEFAULTS;
        return new MailLimits(m.maxMessageBytes().orElse(d.maxMessageBytes()),
                m.maxHeaderCount().orElse(d.maxHeaderCount()),
                m.maxLineLength().orElse(d.maxLineLength()), m.maxBodyChars().orElse(d.maxBodyChars()),
                m.maxReferences().orElse(d.maxReferences()), m.maxHeaderChars().orElse(d.maxHeaderChars()),
                m.maxNestingDepth().orElse(d.maxNestingDepth()), m.maxParts().orElse(d.maxParts()),
                m.maxIdLength().orElse(d.maxIdLength()));
    }
}
