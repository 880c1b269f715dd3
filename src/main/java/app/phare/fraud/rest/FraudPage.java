package app.phare.fraud.rest;

import app.phare.common.PageContext;
import app.phare.common.ProblemException;
import app.phare.common.QueryParams;
import app.phare.fraud.FraudRules;
import app.phare.fraud.FraudRulesService;
import app.phare.fraud.PaymentCheck;
import app.phare.fraud.PaymentCheckRepository;
import app.phare.tenant.AppUser;
import app.phare.tenant.CurrentUser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * The Fraud page: today's decisions by kind, the latest decisions with their score and reasons (filtered by
 * decision in place), the false-positive button for admins, and the rules (admins change them here).
 */
@Path("/fraud")
@Produces(MediaType.TEXT_HTML)
public class FraudPage {

    private static final int SHOWN = 50;

    /** The outcome of saving the rules. */
    public record Message(String text, boolean error) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance fraud(PageContext page, PaymentCheckRepository.Counts counts, List<PaymentCheck> checks,
                                             String decision, List<String> decisions, FraudRules rules, Message message, ZoneId zone);

        static native TemplateInstance fraud$decisions(PageContext page, List<PaymentCheck> checks, String decision, ZoneId zone);

        static native TemplateInstance fraud$check(PageContext page, PaymentCheck c, ZoneId zone);

        static native TemplateInstance fraud$rules(PageContext page, FraudRules rules, Message message);
    }

    @Inject
    PaymentCheckRepository checks;

    @Inject
    FraudRulesService rules;

    @Inject
    CurrentUser user;

    @Inject
    ObjectMapper json;

    @GET
    public TemplateInstance page(@RestQuery String decision, @Context HttpHeaders headers) {
        String d = QueryParams.choice("decision", decision, null, PaymentCheck.DECISIONS);
        ZoneId zone = user.tenant().zone();
        PaymentCheckRepository.Counts counts = checks.countsSince(LocalDate.now(zone).atStartOfDay(zone).toInstant());
        return Templates.fraud(user.page("fraud", headers), counts, checks.latest(d, SHOWN), d, PaymentCheck.DECISIONS,
                rules.get(user.tenant().id), null, zone);
    }

    @GET
    @Path("/decisions")
    public TemplateInstance decisions(@RestQuery String decision, @Context HttpHeaders headers) {
        String d = QueryParams.choice("decision", decision, null, PaymentCheck.DECISIONS);
        return Templates.fraud$decisions(user.page("fraud", headers), checks.latest(d, SHOWN), d, user.tenant().zone());
    }

    @POST
    @Path("/decisions/{id}/false-positive")
    @RolesAllowed(AppUser.ADMIN)
    public TemplateInstance falsePositive(@PathParam("id") long id, @Context HttpHeaders headers) {
        PaymentCheck c = checks.markFalsePositive(id, user.email())
                .orElseThrow(() -> ProblemException.notFound("payment check " + id));
        return Templates.fraud$check(user.page("fraud", headers), c, user.tenant().zone());
    }

    /** The rules form: blank numbers keep their value (a blank first-purchase limit turns that rule off). */
    @POST
    @Path("/rules")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(AppUser.ADMIN)
    public TemplateInstance saveRules(@RestForm String windowMinutes, @RestForm String maxPaymentsPerCustomer,
                                      @RestForm String maxCardCountriesPerCustomer, @RestForm String maxIpCountriesPerCustomer,
                                      @RestForm String amountFactor, @RestForm String minHistory,
                                      @RestForm String firstPurchaseLimit, @RestForm String reviewAt, @RestForm String blockAt,
                                      @RestForm String blockedEmails, @RestForm String blockedCustomerIds,
                                      @RestForm String blockedCountries, @Context HttpHeaders headers) {
        long tenantId = user.tenant().id;
        ObjectNode change = json.createObjectNode();
        Message message;
        try {
            number(change, "windowMinutes", windowMinutes);
            number(change, "maxPaymentsPerCustomer", maxPaymentsPerCustomer);
            number(change, "maxCardCountriesPerCustomer", maxCardCountriesPerCustomer);
            number(change, "maxIpCountriesPerCustomer", maxIpCountriesPerCustomer);
            number(change, "amountFactor", amountFactor);
            number(change, "minHistory", minHistory);
            if (firstPurchaseLimit == null || firstPurchaseLimit.isBlank()) {
                change.putNull("firstPurchaseLimit");
            } else {
                number(change, "firstPurchaseLimit", firstPurchaseLimit);
            }
            number(change, "reviewAt", reviewAt);
            number(change, "blockAt", blockAt);
            ObjectNode blocklist = change.putObject("blocklist");
            list(blocklist, "emails", blockedEmails);
            list(blocklist, "customerIds", blockedCustomerIds);
            list(blocklist, "countries", blockedCountries);
            rules.change(tenantId, change, user.email());
            message = new Message("Rules saved; they apply to the next payment checked.", false);
        } catch (ProblemException e) {
            message = new Message(e.getMessage() + ". Nothing was changed.", true);
        }
        return Templates.fraud$rules(user.page("fraud", headers), rules.get(tenantId), message);
    }

    private static void number(ObjectNode change, String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        BigDecimal n;
        try {
            n = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(field, field + " '" + value.strip() + "' is not a number");
        }
        if (n.stripTrailingZeros().scale() <= 0 && n.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
            change.put(field, n.intValue());
        } else {
            change.put(field, n);
        }
    }

    /** One entry per line or comma. */
    private static void list(ObjectNode blocklist, String field, String text) {
        ArrayNode values = blocklist.putArray(field);
        if (text != null) {
            Arrays.stream(text.split("[,\\n\\r]+")).map(String::strip).filter(s -> !s.isEmpty()).forEach(values::add);
        }
    }
}
