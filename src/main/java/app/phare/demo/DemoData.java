package app.phare.demo;

import app.phare.common.PhareConfig;
import app.phare.ingest.UploadService;
import app.phare.jobs.JobService;
import app.phare.pipeline.NightlySchedule;
import app.phare.pipeline.PipelineService;
import app.phare.source.SourceFormat;
import app.phare.source.SourceKind;
import app.phare.source.SourceMapping;
import app.phare.source.SourceRequest;
import app.phare.source.SourceService;
import app.phare.source.SourceView;
import app.phare.tenant.FirstStart;
import app.phare.tenant.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Gives the Demo tenant, on first start, a year of generated orders run through the same pipeline as real
 * exports, so that a newcomer's first look at the dashboard means something. PHARE_DEMO_DATA=false turns it off.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    static final String SOURCE_NAME = "Demo shop orders";
    static final long SEED = 42;

    @Inject
    PhareConfig config;

    @Inject
    SourceService sources;

    @Inject
    UploadService uploads;

    @Inject
    PipelineService pipeline;

    @Inject
    NightlySchedule schedule;

    @Inject
    JobService jobs;

    void onDemoTenant(@Observes FirstStart.DemoTenantCreated created) {
        if (!config.demoData()) {
            return;
        }
        long tenant = created.tenantId();
        TenantScope.runAs(tenant, () -> {
            try {
                SourceView source = sources.create(new SourceRequest(SOURCE_NAME, SourceKind.orders, SourceFormat.defaults(),
                        SourceMapping.orders("order_id", "ordered_at", "sku", "description", "quantity", "unit_price",
                                "customer_id", "country", "channel")));
                Path file = Files.createTempFile("phare-demo-", ".csv");
                try {
                    LocalDate yesterday = LocalDate.now(ZoneId.of(created.timezone())).minusDays(1);
                    long lines;
                    try (OutputStream out = Files.newOutputStream(file)) {
                        lines = DemoOrders.write(out, yesterday, SEED);
                    }
                    try (InputStream in = Files.newInputStream(file)) {
                        uploads.upload(source.id(), "demo-orders.csv", in);
                    }
                    jobs.ensureScheduled(tenant);
                    long runId = pipeline.queue(tenant, PipelineService.NIGHTLY, "first-start", null,
                            PipelineService.Options.NIGHTLY_RUN, null);
                    schedule.fireNow(tenant, runId);
                    LOG.infof("Demo data: %d generated order lines uploaded to source '%s'; run %d will load them", lines,
                            SOURCE_NAME, runId);
                } finally {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not prepare the demo data", e);
            }
        });
    }
}
