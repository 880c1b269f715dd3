package app.phare.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.ForbiddenException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.stream.Collectors;

/**
 * Turns every failure into RFC 9457 problem details under /api and into the HTML error page elsewhere.
 * Unexpected exceptions are logged with an id the user can quote; no stack trace reaches a client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    @Location("error.html")
    Template errorPage;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        return respond(e.problem(), uri, headers);
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return json(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        String field = null;
        String detail = "the body is not valid JSON: " + e.getOriginalMessage();
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            if (m instanceof InvalidFormatException f) {
                detail = "'" + f.getValue() + "' is not a valid value for " + field;
            } else if (m instanceof UnrecognizedPropertyException) {
                detail = "unknown field " + field;
            } else if (NulText.REASON.equals(e.getOriginalMessage())) {
                detail = field + " " + NulText.REASON;
            } else {
                detail = "invalid value for " + field + ": " + e.getOriginalMessage();
            }
        }
        if (e instanceof InputCoercionException c && c.getProcessor() != null && c.getProcessor().getParsingContext() != null) {
            // a number too large for its field: Jackson does not give the path, the parser still knows where it is
            String pointer = c.getProcessor().getParsingContext().pathAsPointer().toString();
            if (!pointer.isEmpty()) {
                field = pointer.replaceAll("/(\\d+)(?=/|$)", "/[$1]").replace('/', '.').substring(1);
                detail = "invalid value for " + field + ": " + e.getOriginalMessage();
            }
        }
        return respond(Problem.of(400, "Invalid request", detail, field == null || field.isEmpty() ? null : field), uri, headers);
    }

    @ServerExceptionMapper
    public Response violation(ResteasyReactiveViolationException e, UriInfo uri, HttpHeaders headers) {
        return validation(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        var first = e.getConstraintViolations().iterator().next();
        String path = first.getPropertyPath().toString();
        String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
        return respond(Problem.of(400, "Invalid request", field + " " + first.getMessage(), field), uri, headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return respond(Problem.of(403, "Forbidden", "your role does not allow this", null), uri, headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri, headers);
        }
        if (e.getCause() instanceof ProblemException refused) {
            return problem(refused, uri, headers);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri, headers);
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        String detail = switch (status) {
            case 404 -> "no such resource: " + uri.getPath();
            case 405 -> "method not allowed on " + uri.getPath();
            case 413 -> "the upload is larger than the configured maximum";
            case 415 -> "unsupported content type";
            case 400 -> "the request is malformed";
            default -> e.getMessage();
        };
        return respond(Problem.of(status, title, detail, null), uri, headers);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        String id = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        LOG.errorf(e, "unexpected error %s on %s", id, uri.getPath());
        return respond(Problem.of(500, "Internal error", "something went wrong on our side (error " + id + ")", null), uri, headers);
    }

    private Response respond(Problem p, UriInfo uri, HttpHeaders headers) {
        boolean api = uri.getPath().startsWith("/api");
        boolean wantsHtml = headers.getAcceptableMediaTypes().stream().anyMatch(m -> m.isCompatible(MediaType.TEXT_HTML_TYPE)
                && !m.isWildcardType());
        if (!api && wantsHtml) {
            return Response.status(p.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(errorPage.data("problem", p).render()).build();
        }
        return Response.status(p.status()).type("application/problem+json").entity(p).build();
    }
}
