package dev.patchtrack.ingest;

import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.core.review.CheckRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Where the check rules come from: {@code patchtrack.checks.file} when set, else the defaults in the
 * jar. Read anew for every rebuild, so an operator's edit applies on the next reclassify.
 */
@ApplicationScoped
public class CheckRulesSource {

    @Inject
    PatchtrackConfig config;

    public CheckRules load() {
        return RulesFiles.load(config.checks().file(), "patchtrack.checks.file", "checks.rules", CheckRules::parse, CheckRules::problems, "check rules");
    }
}
