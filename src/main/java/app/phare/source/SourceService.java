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

    public List<SourceView> list() {
        return QuarkusTransaction.requiringNew().call(() -> sources.listByName().stream().map(this::view).toList());
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
