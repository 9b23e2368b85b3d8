package dev.patchtrack.ingest;

import dev.patchtrack.config.PatchtrackConfig;
import dev.patchtrack.core.audit.AuditFinding;
import dev.patchtrack.core.audit.AuditKind;
import dev.patchtrack.core.audit.Auditor;
import dev.patchtrack.store.AuditReads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs the audit rules over what the store holds now. */
@ApplicationScoped
public class AuditService {

    @Inject
    PatchtrackConfig config;

    @Inject
    AuditReads reads;

    /**
     * The whole audit, and the findings of the kinds asked for.
     *
     * @param counts   findings per kind, every kind listed, whatever was asked for
     * @param findings the findings of the kinds asked for, in order
     */
    public record Report(Map<AuditKind, Integer> counts, List<AuditFinding> findings) {
    }

    /** @param kinds the kinds to list; empty: every kind */
    @Transactional
    public Report run(Set<AuditKind> kinds) {
        List<AuditFinding> all = new Auditor(config.audit().heuristicGap()).audit(reads.load());
        return new Report(Auditor.counts(all),
                kinds.isEmpty() ? all : all.stream().filter(f -> kinds.contains(f.kind())).toList());
    }
}
