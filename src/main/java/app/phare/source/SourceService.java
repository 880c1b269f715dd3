package app.phare.source;

import app.phare.common.ProblemException;
import app.phare.tenant.TenantScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/** Creates and lists the sources of the tenant in scope. */
@ApplicationScoped
public class SourceService {

    @Inject
    SourceRepository sources;

    @Inject
    TenantScope scope;

    public SourceView create(SourceRequest request) {
        SourceFormat format = (request.format() == null ? SourceFormat.defaults() : request.format()).withDefaults().validate();
        SourceMapping mapping = request.mapping().validate(format.header());
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
            sources.persist(s);
            sources.flush();
            sources.getEntityManager().refresh(s);
            return SourceView.of(s);
        });
    }

    public List<SourceView> list() {
        return QuarkusTransaction.requiringNew().call(() -> sources.listByName().stream().map(SourceView::of).toList());
    }

    public Optional<SourceView> find(long id) {
        return QuarkusTransaction.requiringNew().call(() -> sources.findByIdOptional(id).map(SourceView::of));
    }
}
