package app.phare.fraud;

import app.phare.tenant.TenantRepository;
import app.phare.tenant.TenantScope;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The payment check: validates the payment, records it in the customer's recent history and scores it against the
 * tenant's rules, all in memory ({@link FraudMemory}, {@link FraudRulesService}); the decision is stored behind the
 * answer by {@link PaymentCheckWriter}. Only a tenant's very first check reads the database (its currency, rules).
 */
@ApplicationScoped
public class FraudService {

    @Inject
    FraudMemory memory;

    @Inject
    FraudRulesService rules;

    @Inject
    PaymentCheckWriter writer;

    @Inject
    app.phare.live.LiveStream stream;

    @Inject
    TenantRepository tenants;

    @Inject
    app.phare.ops.Metrics metrics;

    /** Tenants' currencies: fixed when a tenant is created. */
    private final Map<Long, String> currencies = new ConcurrentHashMap<>();

    /** Decides on a payment of the tenant; 400 naming the field when the body is not a valid payment. */
    public Decision check(long tenantId, JsonNode body) {
        long started = System.nanoTime();
        Instant now = Instant.now();
        PaymentRequest payment = PaymentRequest.parse(body, currency(tenantId), now);
        FraudRules r = rules.get(tenantId);
        FraudMemory.History history = memory.record(tenantId, payment.customerKey(), payment.paymentId(),
                payment.cardCountry(), payment.ipCountry(), now.toEpochMilli(), r.windowMillis());
        Decision decision = FraudScoring.score(payment, history, r);
        long took = System.nanoTime() - started;
        int micros = (int) Math.min(Integer.MAX_VALUE, took / 1000);
        metrics.fraudCheck().record(took, java.util.concurrent.TimeUnit.NANOSECONDS);
        writer.offer(new PaymentCheckWriter.Row(tenantId, payment, decision, now, micros));
        if (payment.customerKey() != null) {
            // the other instances count it too (this one already has)
            stream.publish(app.phare.live.LiveMessage.payment(tenantId, new app.phare.live.PaymentSeen(payment.customerKey(),
                    payment.paymentId(), payment.cardCountry(), payment.ipCountry(), now.toEpochMilli())));
        }
        return decision;
    }

    private String currency(long tenantId) {
        String c = currencies.get(tenantId);
        if (c == null) {
            c = TenantScope.callAs(tenantId, () -> QuarkusTransaction.requiringNew().call(() -> tenants.findById(tenantId).currency.strip().toUpperCase(java.util.Locale.ROOT)));
            currencies.put(tenantId, c);
        }
        return c;
    }
}
