package app.phare.fraud.rest;

import app.phare.fraud.Decision;
import app.phare.fraud.FraudService;
import app.phare.tenant.TenantScope;
import app.phare.token.Scope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The payment check for machine clients with a {@code payments:check} token: a payment in, allow, review or block
 * out, with the score and the reasons, decided from memory within a few milliseconds.
 */
@Path("/api/payments/check")
@RolesAllowed(Scope.PAYMENTS_CHECK)
public class PaymentCheckResource {

    @Inject
    FraudService fraud;

    @Inject
    TenantScope scope;

    @Inject
    ObjectMapper json;

    /** The body is read as text so that one that is not JSON gets a clear 400, whatever its content type. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Decision check(String body) {
        JsonNode tree = app.phare.common.JsonBody.parse(json, body);
        return fraud.check(scope.requireTenant(), tree);
    }
}
