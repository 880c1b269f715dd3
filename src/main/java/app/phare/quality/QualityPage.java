package app.phare.quality;

import app.phare.common.PageContext;
import app.phare.tenant.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.time.ZoneId;
import java.util.List;

/** The Data quality page: each source's latest report (rejects by reason, empty values, checks, drift) and its trend. */
@Path("/quality")
@Produces(MediaType.TEXT_HTML)
public class QualityPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance quality(PageContext page, List<QualityService.SourceTrend> sources, ZoneId zone);
    }

    @Inject
    QualityService quality;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance page(@Context HttpHeaders headers) {
        return Templates.quality(user.page("quality", headers), quality.trends(), user.tenant().zone());
    }
}
