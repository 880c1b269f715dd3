package app.phare.ingest;

import app.phare.common.ProblemException;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** JSON API for uploading a source's files (raw body, CSV or gzip) and following their status. */
@Path("/api/sources/{sourceId}/files")
public class FileResource {

    @Inject
    UploadService uploads;

    @Inject
    app.phare.tenant.CurrentUser user;

    @POST
    @Blocking
    @Consumes(MediaType.WILDCARD)
    public Response upload(@PathParam("sourceId") long sourceId, @QueryParam("name") String name,
                           @HeaderParam("Content-Disposition") String disposition, InputStream body) throws IOException {
        UploadService.Upload upload = uploads.upload(sourceId, fileName(name, disposition), body);
        Map<String, Object> entity = new java.util.LinkedHashMap<>(Map.of("fileId", upload.file().fileId(),
                "sha256", upload.file().sha256(), "status", upload.file().status()));
        if (upload.warning() != null) {
            entity.put("warning", upload.warning());
        }
        return Response.status(upload.created() ? 202 : 200).entity(entity).build();
    }

    @GET
    public List<FileView> list(@PathParam("sourceId") long sourceId) {
        return uploads.list(sourceId);
    }

    @GET
    @Path("/{fileId}")
    public FileView get(@PathParam("sourceId") long sourceId, @PathParam("fileId") long fileId) {
        return uploads.find(sourceId, fileId).orElseThrow(() -> ProblemException.notFound("file " + fileId));
    }

    /** Discards a pending file: it will not be loaded; it stays listed as discarded. */
    @DELETE
    @Path("/{fileId}")
    @jakarta.annotation.security.RolesAllowed(app.phare.tenant.AppUser.ADMIN)
    public FileView discard(@PathParam("sourceId") long sourceId, @PathParam("fileId") long fileId) {
        return uploads.discard(sourceId, fileId, user.email());
    }

    private static String fileName(String name, String disposition) {
        if (name != null && !name.isBlank()) {
            return name.trim();
        }
        if (disposition != null) {
            var m = java.util.regex.Pattern.compile("filename=\"?([^\";]+)\"?").matcher(disposition);
            if (m.find()) {
                return m.group(1).trim();
            }
        }
        return null;
    }
}
