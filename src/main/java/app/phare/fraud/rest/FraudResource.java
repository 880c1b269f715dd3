package app.phare.fraud.rest;

import app.phare.common.Limits;
import app.phare.common.ProblemException;
import app.phare.common.QueryParams;
import app.phare.fraud.FraudRules;
import app.phare.fraud.FraudRulesService;
import app.phare.fraud.PaymentCheck;
import app.phare.fraud.PaymentCheckRepository;
import app.phare.tenant.AppUser;
import app.phare.tenant.CurrentUser;
import app.phare.tenant.TenantScope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;

/**
 * JSON API of the fraud check for the tenant's users: the rules (admins change them), the stored decisions, and
 * the false-positive mark (admins).
 */
@Path("/api/fraud")
public class FraudResource {

    @Inject
    FraudRulesService rules;

    @Inject
    PaymentCheckRepository checks;

    @Inject
    TenantScope scope;

    @Inject
    CurrentUser user;

    @Inject
    ObjectMapper json;

    @GET
    @Path("/rules")
    public FraudRules rules() {
        return rules.get(scope.requireTenant());
    }

    /** Fields left out keep their value; a list given replaces the list. */
    @PUT
    @Path("/rules")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(AppUser.ADMIN)
    public FraudRules change(String body) {
        JsonNode change = app.phare.common.JsonBody.parse(json, body);
        return rules.change(scope.requireTenant(), change, user.email());
    }

    @GET
    @Path("/decisions")
    public List<PaymentCheck> decisions(@RestQuery String decision, @RestQuery Integer limit) {
        return checks.latest(QueryParams.choice("decision", decision, null, PaymentCheck.DECISIONS),
                Limits.of(limit, "limit", 50, 500));
    }

    @POST
    @Path("/decisions/{id}/false-positive")
    @RolesAllowed(AppUser.ADMIN)
    public PaymentCheck falsePositive(@PathParam("id") long id) {
        return checks.markFalsePositive(id, user.email()).orElseThrow(() -> ProblemException.notFound("payment check " + id));
    }
}
