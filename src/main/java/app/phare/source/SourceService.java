package app.phare.source;

import app.phare.common.db.SqlValues;
import app.phare.common.ProblemException;
import app.phare.common.net.OutboundPolicy;
import app.phare.tenant.TenantScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Creates and lists the sources of the tenant in scope. */
@ApplicationScoped
public class SourceService {

    @Inject
    SourceRepository sources;

    @Inject
    TenantScope scope;

    @Inject
    OutboundPolicy outbound;

    @Inject
    app.phare.common.Secrets secrets;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @Inject
    app.phare.pipeline.SourcePurge purge;

    @Inject
    app.phare.aggregate.FiguresVersion figures;

    @Inject
    app.phare.jobs.AuditLog audit;

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public SourceView create(SourceRequest request) {
        SourceFormat format = (request.format() == null ? SourceFormat.defaults() : request.format()).withDefaults().validate();
        SourceMapping mapping = request.mapping().validate(request.kind(), format.header());
        PullConfig pull = request.pull() == null ? null : request.pull().validate(outbound);
        long tenant = scope.requireTenant();
        return QuarkusTransaction.requiringNew().call(() -> {
            if (sources.findByName(request.name()).isPresent()) {
                throw ProblemException.conflict("name", "a source named '" + request.name().trim() + "' already exists");
            }
            Source s = new Source();
            s.tenantId = tenant;
            s.name = request.name().trim();
            s.kind = request.kind();
            s.format = format;
            s.mapping = mapping;
            s.options = request.options() == null ? SourceOptions.NONE : request.options().validate();
            if (pull != null) {
                s.pull = pull.withoutSecrets();
                s.pullSecrets = pull.headers().isEmpty() ? null : secrets.encrypt(toJson(pull.headers()));
            }
            if (request.freshness() != null) {
                int[] t = thresholds(request.freshness());
                s.freshWarnHours = t[0];
                s.freshErrorHours = t[1];
            }
            sources.persist(s);
            sources.flush();
            sources.getEntityManager().refresh(s);
            return view(s);
        });
    }

    /** The sources in use (active and paused). */
    public List<SourceView> list() {
        return QuarkusTransaction.requiringNew().call(() -> sources.listByName().stream().map(this::view).toList());
    }

    /** The archived sources, latest first. */
    public List<SourceView> archived() {
        return QuarkusTransaction.requiringNew().call(() -> sources.listArchived().stream().map(this::view).toList());
    }

    /** Pauses or resumes a source: a paused source's files wait and its pulls stop. Archived sources stay archived. */
    public SourceView setPaused(long id, boolean paused, String actor) {
        SourceView changed = QuarkusTransaction.requiringNew().call(() -> {
            Source s = inUse(id);
            s.status = paused ? SourceStatus.paused : SourceStatus.active;
            return view(s);
        });
        audit.record(scope.requireTenant(), actor, paused ? "source paused" : "source resumed", null, null, describe(changed));
        return changed;
    }

    /**
     * Archives a source: its records leave the facts and every figure built from them (at once, not at the next run),
     * its files are kept, its name is free again. Archiving an archived source changes nothing.
     */
    public SourceView archive(long id, String actor) {
        long tenant = scope.requireTenant();
        Source found = QuarkusTransaction.requiringNew().call(() -> sources.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("source " + id)));
        if (found.status == SourceStatus.archived) {
            return find(id).orElseThrow();
        }
        app.phare.pipeline.SourcePurge.Purged purged = purge.purge(tenant, id, found.kind);
        SourceView archived = QuarkusTransaction.requiringNew().call(() -> {
            Source s = sources.findById(id);
            s.status = SourceStatus.archived;
            s.archivedAt = Instant.now();
            return view(s);
        });
        figures.changed(tenant);
        audit.record(tenant, actor, "source archived", null, null,
                describe(archived) + ": " + purged.records() + " records taken out of the figures, files kept");
        return archived;
    }

    /**
     * Changes a source's name, format, mapping, options and freshness thresholds (its kind stays): files loaded from
     * now on are read the new way. A pull source's headers are kept unless new values are given.
     */
    public SourceView update(long id, SourceRequest request, String actor) {
        SourceFormat format = (request.format() == null ? SourceFormat.defaults() : request.format()).withDefaults().validate();
        SourceMapping mapping = request.mapping().validate(request.kind(), format.header());
        SourceOptions options = request.options() == null ? SourceOptions.NONE : request.options().validate();
        int[] t = request.freshness() == null ? null : thresholds(request.freshness());
        PullConfig pull = request.pull() == null ? null : request.pull().validate(outbound);
        String[] before = new String[1];
        SourceView changed = QuarkusTransaction.requiringNew().call(() -> {
            Source s = inUse(id);
            if (request.kind() != s.kind) {
                throw ProblemException.badRequest("kind", "a source's kind cannot change (this one holds " + s.kind
                        + "); create a new source for " + request.kind());
            }
            sources.findByName(request.name()).filter(other -> !other.id.equals(s.id)).ifPresent(other -> {
                throw ProblemException.conflict("name", "a source named '" + request.name().trim() + "' already exists");
            });
            before[0] = toJson(java.util.Map.of("name", s.name, "format", s.format, "mapping", s.mapping));
            s.name = request.name().trim();
            s.format = format;
            s.mapping = mapping;
            s.options = options;
            if (t != null) {
                s.freshWarnHours = t[0];
                s.freshErrorHours = t[1];
            }
            if (pull != null) {
                boolean newSecrets = pull.headers().values().stream().anyMatch(v -> !v.isBlank() && !v.equals(MASKED));
                s.pull = pull.withoutSecrets();
                if (newSecrets) {
                    s.pullSecrets = secrets.encrypt(toJson(pull.headers()));
                } else if (!pull.headers().keySet().equals(s.pull.headers().keySet())) {
                    s.pullSecrets = null;
                }
            } else if (s.pull != null) {
                throw ProblemException.badRequest("pull", "this source pulls from an API: send its pull settings too");
            }
            return view(s);
        });
        audit.record(scope.requireTenant(), actor, "source changed", null, null,
                describe(changed) + " — before: " + before[0]);
        return changed;
    }

    /** What pull headers look like once stored (see {@link PullConfig#withoutSecrets()}). */
    static final String MASKED = "••••••";

    private Source inUse(long id) {
        Source s = sources.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("source " + id));
        if (s.status == SourceStatus.archived) {
            throw ProblemException.conflict("source", "source '" + s.name + "' is archived: it cannot be changed any more");
        }
        return s;
    }

    private static String describe(SourceView s) {
        return "source " + s.id() + " '" + s.name() + "' (" + s.kind() + ")";
    }

    public Optional<SourceView> find(long id) {
        return QuarkusTransaction.requiringNew().call(() -> sources.findByIdOptional(id).map(this::view));
    }

    /** Changes a source's freshness thresholds; 404 for a source that is not the tenant's. */
    public SourceView changeThresholds(long id, SourceRequest.Thresholds thresholds) {
        int[] t = thresholds(thresholds);
        return QuarkusTransaction.requiringNew().call(() -> {
            Source s = sources.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("source " + id));
            s.freshWarnHours = t[0];
            s.freshErrorHours = t[1];
            return view(s);
        });
    }

    private static int[] thresholds(SourceRequest.Thresholds t) {
        int warn = t == null || t.warnAfterHours() == null ? 26 : t.warnAfterHours();
        int error = t == null || t.errorAfterHours() == null ? 50 : t.errorAfterHours();
        if (warn < 1 || warn > 24 * 365) {
            throw ProblemException.badRequest("freshness.warnAfterHours", "warnAfterHours must be between 1 and 8760");
        }
        if (error <= warn || error > 24 * 365) {
            throw ProblemException.badRequest("freshness.errorAfterHours",
                    "errorAfterHours must be more than warnAfterHours (" + warn + ") and at most 8760");
        }
        return new int[]{warn, error};
    }

    private SourceView view(Source s) {
        return SourceView.of(s, Freshness.of(facts(s.id), s.freshWarnHours, s.freshErrorHours, Instant.now()));
    }

    /** The source's last successful ingestion, last unreadable file, and whether the last run failed with files waiting. */
    private Freshness.Facts facts(long sourceId) {
        Object[] r = (Object[]) sources.getEntityManager().createNativeQuery("""
                SELECT (SELECT max(r.finished_at) FROM source_file f JOIN pipeline_run r ON r.id = f.run_id
                        WHERE f.source_id = ?1 AND f.status = 'processed' AND r.status = 'succeeded'),
                       (SELECT max(f.processed_at) FROM source_file f WHERE f.source_id = ?1 AND f.status = 'failed'),
                       (SELECT r.status IN ('failed', 'interrupted') FROM pipeline_run r
                        WHERE r.job = 'nightly' AND NOT r.dry_run AND r.from_day IS NULL AND r.status NOT IN ('queued', 'running')
                        ORDER BY r.id DESC LIMIT 1),
                       EXISTS (SELECT 1 FROM source_file f WHERE f.source_id = ?1 AND f.status = 'pending')""")
                .setParameter(1, sourceId).getSingleResult();
        return new Freshness.Facts(SqlValues.instant(r[0]), SqlValues.instant(r[1]), Boolean.TRUE.equals(r[2]), Boolean.TRUE.equals(r[3]));
    }

}
