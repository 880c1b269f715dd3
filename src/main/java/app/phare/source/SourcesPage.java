package app.phare.source;

import app.phare.common.PageContext;
import app.phare.common.ProblemException;
import app.phare.ingest.CsvPreview;
import app.phare.ingest.FileView;
import app.phare.ingest.UploadService;
import app.phare.pipeline.RunService;
import app.phare.pipeline.RunView;
import app.phare.tenant.AppUser;
import app.phare.tenant.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** The Sources page: orders sources with a previewed column mapping, their uploads, and the latest runs. */
@Path("/sources")
@Produces(MediaType.TEXT_HTML)
public class SourcesPage {

    /** A field of the mapping form. */
    public record Field(String name, String label, boolean required) {
    }

    static final List<Field> FIELDS = List.of(new Field("orderId", "Order id", true), new Field("orderedAt", "Ordered at", true),
            new Field("sku", "Product code (SKU)", true), new Field("description", "Description", false),
            new Field("quantity", "Quantity", true), new Field("unitPrice", "Unit price", true),
            new Field("customerId", "Customer id", false), new Field("country", "Country", false),
            new Field("channel", "Channel", false));

    /** A source with its files, as the page lists it. */
    public record Listed(SourceView source, List<FileView> files) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sources(PageContext page, List<Listed> sources, List<RunView> runs, ZoneId zone,
                                              SourceFormat defaults, List<String> timezones, String message);

        static native TemplateInstance list(List<Listed> sources, ZoneId zone, PageContext page, String message);

        static native TemplateInstance runs(List<RunView> runs, ZoneId zone, PageContext page, String message);

        static native TemplateInstance mapping(CsvPreview preview, List<Field> fields);

        static native TemplateInstance formError(String message);

        static native TemplateInstance edit(PageContext page, SourceView source, List<EditField> fields, List<String> timezones);
    }

    /** A field of a source's kind on the edit page, with the column it is read from now. */
    public record EditField(String name, String label, boolean required, String column) {
    }

    /** What each field of every kind is called on the page (the API's names stay in the form's field names). */
    static final Map<String, String> LABELS = Map.ofEntries(Map.entry("orderId", "Order id"), Map.entry("orderedAt", "Ordered at"),
            Map.entry("sku", "Product code (SKU)"), Map.entry("description", "Description"), Map.entry("quantity", "Quantity"),
            Map.entry("unitPrice", "Unit price"), Map.entry("customerId", "Customer id"), Map.entry("country", "Country"),
            Map.entry("channel", "Channel"), Map.entry("lineAmount", "Line total (instead of unit price)"),
            Map.entry("discount", "Discount"), Map.entry("dealId", "Deal id"), Map.entry("stage", "Stage"),
            Map.entry("owner", "Owner (sales agent)"), Map.entry("account", "Account"), Map.entry("product", "Product"),
            Map.entry("engagedOn", "Engaged on"), Map.entry("closedOn", "Closed on"), Map.entry("value", "Deal value"),
            Map.entry("currency", "Currency"), Map.entry("day", "Day"), Map.entry("platform", "Ad platform"),
            Map.entry("campaign", "Campaign"), Map.entry("adSet", "Ad set"), Map.entry("ad", "Ad"),
            Map.entry("impressions", "Impressions"), Map.entry("clicks", "Clicks"), Map.entry("spend", "Spend"),
            Map.entry("conversions", "Conversions"), Map.entry("conversionValue", "Conversion value"),
            Map.entry("name", "Product name"), Map.entry("category", "Category"), Map.entry("unitCost", "Unit cost"),
            Map.entry("aliases", "Other names (aliases)"), Map.entry("snapshotDate", "Stock date"),
            Map.entry("onHand", "Units on hand"), Map.entry("onOrder", "Units on order"), Map.entry("reorderLevel", "Reorder level"));

    @Inject
    SourceService sources;

    @Inject
    UploadService uploads;

    @Inject
    RunService runs;

    @Inject
    CurrentUser user;

    @Inject
    app.phare.jobs.JobService jobs;

    @GET
    public TemplateInstance page(@org.jboss.resteasy.reactive.RestQuery String created,
                                 @org.jboss.resteasy.reactive.RestQuery String changed, @Context HttpHeaders headers) {
        String message = created != null && !created.isBlank() ? "Source \"" + created + "\" is ready: upload an export into it."
                : changed != null && !changed.isBlank() ? "Source \"" + changed + "\" is saved: files loaded from now on are read the new way."
                : null;
        return Templates.sources(user.page("sources", headers), listed(), runs.latest(10), user.tenant().zone(),
                SourceFormat.defaults(), TIMEZONES, message);
    }

    /** Region timezones people choose (no SystemV, Etc or legacy aliases). */
    static final List<String> TIMEZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/-]+"))
            .sorted().toList();

    @POST
    @Path("/preview")
    @Blocking
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public TemplateInstance preview(@RestForm("sample") FileUpload sample, @RestForm String delimiter,
                                    @RestForm String encoding, @RestForm String header, @RestForm String dateFormat,
                                    @RestForm String decimalSeparator, @RestForm String groupingSeparator,
                                    @RestForm String timezone) throws IOException {
        if (sample == null || sample.size() == 0) {
            return Templates.formError("Choose a sample file first: an export of your orders (CSV).");
        }
        SourceFormat format;
        try {
            format = format(delimiter, encoding, header, dateFormat, decimalSeparator, groupingSeparator, timezone);
        } catch (ProblemException e) {
            return Templates.formError(e.getMessage());
        }
        try (InputStream in = Files.newInputStream(sample.uploadedFile())) {
            return Templates.mapping(CsvPreview.read(in, format, 8), FIELDS);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String name, @RestForm String delimiter, @RestForm String encoding,
                           @RestForm String header, @RestForm String dateFormat, @RestForm String decimalSeparator,
                           @RestForm String groupingSeparator, @RestForm String timezone,
                           @RestForm String orderId, @RestForm String orderedAt, @RestForm String sku,
                           @RestForm String description, @RestForm String quantity, @RestForm String unitPrice,
                           @RestForm String customerId, @RestForm String country, @RestForm String channel) {
        try {
            if (name == null || name.isBlank()) {
                throw ProblemException.badRequest("name", "Give the source a name, for example \"Web shop orders\".");
            }
            SourceFormat format = format(delimiter, encoding, header, dateFormat, decimalSeparator, groupingSeparator, timezone);
            sources.create(new SourceRequest(name, SourceKind.orders, format,
                    SourceMapping.orders(orderId, orderedAt, sku, description, quantity, unitPrice, customerId, country, channel)));
            return Response.ok().header("HX-Redirect", "/sources?created=" + java.net.URLEncoder.encode(name.trim(),
                    java.nio.charset.StandardCharsets.UTF_8)).build();
        } catch (ProblemException e) {
            return Response.ok(Templates.formError(e.getMessage())).build();
        }
    }

    @POST
    @Path("/{id}/files")
    @Blocking
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public TemplateInstance upload(@PathParam("id") long id, @RestForm("file") FileUpload file, @Context HttpHeaders headers)
            throws IOException {
        String message;
        if (file == null || file.size() == 0) {
            message = "Choose a file to upload.";
        } else {
            try (InputStream in = Files.newInputStream(file.uploadedFile())) {
                UploadService.Upload upload = uploads.upload(id, file.fileName(), in);
                message = upload.created() ? file.fileName() + " is stored and waits for the next run."
                        : file.fileName() + " was already uploaded (file " + upload.file().fileId() + "): it is not counted twice.";
                if (upload.warning() != null) {
                    message += " Careful: " + upload.warning() + ".";
                }
            } catch (ProblemException e) {
                message = e.getMessage();
            }
        }
        return Templates.list(listed(), user.tenant().zone(), user.page("sources", headers), message);
    }

    @GET
    @Path("/runs")
    public TemplateInstance runList(@Context HttpHeaders headers) {
        return Templates.runs(runs.latest(10), user.tenant().zone(), user.page("sources", headers), null);
    }

    @POST
    @Path("/runs")
    @RolesAllowed(AppUser.ADMIN)
    public TemplateInstance runNow(@Context HttpHeaders headers) {
        long runId;
        try {
            runId = jobs.trigger(app.phare.pipeline.PipelineService.NIGHTLY, false, null, null, user.email());
        } catch (ProblemException underWay) {
            return Templates.runs(runs.latest(10), user.tenant().zone(), user.page("sources", headers), underWay.getMessage());
        }
        return Templates.runs(runs.latest(10), user.tenant().zone(), user.page("sources", headers),
                "Run " + runId + " is queued; this list refreshes until it is done.");
    }

    @GET
    @Blocking
    @Path("/runs/{runId}/rejects.csv")
    @Produces("text/csv")
    public Response rejects(@PathParam("runId") long runId) {
        return runs.rejectsDownload(runId);
    }

    @POST
    @Path("/{id}/pause")
    @RolesAllowed(AppUser.ADMIN)
    public TemplateInstance pause(@PathParam("id") long id, @Context HttpHeaders headers) {
        return afterAction(headers, () -> "Source \"" + sources.setPaused(id, true, user.email()).name()
                + "\" is paused: its files wait, and nothing is pulled, until you resume it.");
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed(AppUser.ADMIN)
    public TemplateInstance resume(@PathParam("id") long id, @Context HttpHeaders headers) {
        return afterAction(headers, () -> "Source \"" + sources.setPaused(id, false, user.email()).name()
                + "\" is active again: the next run loads its waiting files.");
    }

    @POST
    @Blocking
    @Path("/{id}/archive")
    @RolesAllowed(AppUser.ADMIN)
    public TemplateInstance archive(@PathParam("id") long id, @Context HttpHeaders headers) {
        return afterAction(headers, () -> "Source \"" + sources.archive(id, user.email()).name()
                + "\" is archived: its figures have left the dashboard; its files are kept.");
    }

    @POST
    @Path("/{id}/files/{fileId}/discard")
    @RolesAllowed(AppUser.ADMIN)
    public TemplateInstance discard(@PathParam("id") long id, @PathParam("fileId") long fileId, @Context HttpHeaders headers) {
        return afterAction(headers, () -> {
            FileView f = uploads.discard(id, fileId, user.email());
            return (f.name() == null ? "File " + fileId : f.name()) + " is discarded: no run will load it.";
        });
    }

    @GET
    @Path("/{id}/edit")
    @RolesAllowed(AppUser.ADMIN)
    public TemplateInstance editPage(@PathParam("id") long id, @Context HttpHeaders headers) {
        SourceView s = sources.find(id).filter(v -> !v.archived()).orElseThrow(() -> ProblemException.notFound("source " + id));
        List<EditField> fields = s.kind().fields().stream()
                .map(f -> new EditField(f.name(), LABELS.getOrDefault(f.name(), f.name()), f.required(),
                        s.mapping().columns().getOrDefault(f.name(), ""))).toList();
        return Templates.edit(user.page("sources", headers), s, fields, TIMEZONES);
    }

    /** Saves the edit form: name, format and the column of each field (fields map.X). */
    @POST
    @Path("/{id}/edit")
    @RolesAllowed(AppUser.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("id") long id, jakarta.ws.rs.core.MultivaluedMap<String, String> form) {
        try {
            SourceView s = sources.find(id).orElseThrow(() -> ProblemException.notFound("source " + id));
            String name = form.getFirst("name");
            if (name == null || name.isBlank()) {
                throw ProblemException.badRequest("name", "Give the source a name, for example \"Web shop orders\".");
            }
            SourceFormat format = new SourceFormat(form.getFirst("delimiter"), form.getFirst("encoding"),
                    form.getFirst("header") != null, form.getFirst("dateFormat"), form.getFirst("decimalSeparator"),
                    form.getFirst("groupingSeparator") == null ? "" : form.getFirst("groupingSeparator"),
                    blankToNull(form.getFirst("timezone")), s.format().sheet(), s.format().skipRows()).withDefaults().validate();
            Map<String, String> columns = new java.util.LinkedHashMap<>();
            for (SourceKind.Field f : s.kind().fields()) {
                String column = form.getFirst("map." + f.name());
                if (column != null && !column.isBlank()) {
                    columns.put(f.name(), column.trim());
                }
            }
            sources.update(id, new SourceRequest(name, s.kind(), format, new SourceMapping(columns),
                    new SourceRequest.Thresholds(s.freshness().warnAfterHours(), s.freshness().errorAfterHours()),
                    s.options(), s.pull()), user.email());
            return Response.ok().header("HX-Redirect", "/sources?changed=" + java.net.URLEncoder.encode(name.trim(),
                    java.nio.charset.StandardCharsets.UTF_8)).build();
        } catch (ProblemException e) {
            return Response.ok(Templates.formError(e.getMessage())).build();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The source list after an admin's action, with what it did or why it could not. */
    private TemplateInstance afterAction(HttpHeaders headers, java.util.function.Supplier<String> action) {
        String message;
        try {
            message = action.get();
        } catch (ProblemException e) {
            message = e.getMessage();
        }
        return Templates.list(listed(), user.tenant().zone(), user.page("sources", headers), message);
    }

    private List<Listed> listed() {
        return sources.list().stream().map(s -> new Listed(s, uploads.list(s.id()))).toList();
    }

    private static SourceFormat format(String delimiter, String encoding, String header, String dateFormat,
                                       String decimalSeparator, String groupingSeparator, String timezone) {
        return new SourceFormat(delimiter, encoding, header != null, dateFormat, decimalSeparator,
                groupingSeparator == null ? "" : groupingSeparator, timezone).withDefaults().validate();
    }

}
