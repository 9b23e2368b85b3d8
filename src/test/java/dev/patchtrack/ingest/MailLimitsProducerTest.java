package dev.patchtrack.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.core.mail.MailLimits;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The settings replace the defaults they name and keep the others: no default is written twice. */
class MailLimitsProducerTest {

    @Test
    void withoutSettingsTheLimitsAreTheDefaults() {
        assertThat(MailLimitsProducer.limits(settings(Map.of()))).isEqualTo(MailLimits.DEFAULTS);
    }

    @Test
    void aSettingReplacesItsDefaultOnly() {
        MailLimits l = MailLimitsProducer.limits(settings(Map.of("maxHeaderCount", 5, "maxIdLength", 64)));

        assertThat(l).isEqualTo(MailLimits.DEFAULTS.withMaxHeaderCount(5).withMaxIdLength(64));
    }

    /** The {@code patchtrack.mail.*} group with the given settings made and every other one left out. */
    static PatchtrackConfig.Mail settings(Map<String, Integer> given) {
        return (PatchtrackConfig.Mail) Proxy.newProxyInstance(PatchtrackConfig.Mail.class.getClassLoader(),
                new Class<?>[] {PatchtrackConfig.Mail.class}, (proxy, method, args) -> given.containsKey(method.getName())
                        ? OptionalInt.of(given.get(method.getName())) : OptionalInt.empty());
    }
}
