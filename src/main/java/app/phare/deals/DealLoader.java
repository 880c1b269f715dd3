package app.phare.deals;

import app.phare.clean.NumberParser;
import app.phare.ingest.FileUnreadableException;
import app.phare.ingest.KindLoader;
import app.phare.ingest.RecordLoader;
import app.phare.ingest.SourceFile;
import app.phare.source.Source;
import app.phare.source.SourceKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import static app.phare.ingest.RecordLoader.Values.text;

/**
 * CRM deals: one row per deal id and source, the latest file's values winning. Stages map to open, won or lost (the
 * source's own words, then common ones); lost deals carry no value. The aggregates — won and lost deals by close
 * month, agent and product, open deals by stage — are rebuilt whole (a CRM holds thousands of deals, not millions),
 * with products resolved through the products' aliases.
 */
@ApplicationScoped
public class DealLoader implements KindLoader {

    private static final String[] FIELDS = SourceKind.crm_deals.fieldNames();
    private static final int DEAL_ID = 0, STAGE = 1, OWNER = 2, ACCOUNT = 3, PRODUCT = 4, ENGAGED = 5, CLOSED = 6,
            VALUE = 7, CURRENCY = 8;

    @Inject
    RecordLoader records;

    @Override
    public SourceKind kind() {
        return SourceKind.crm_deals;
    }

    @Override
    public RecordLoader.Result load(Connection c, long runId, SourceFile file, Source source, ZoneId tenantZone)
            throws IOException, SQLException, FileUnreadableException {
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO deal (tenant_id, source_id, deal_id, stage, status, owner, account, product, engaged_on, closed_on,
                                  value_e2, currency, file_id, run_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, source_id, deal_id) DO UPDATE SET stage = excluded.stage, status = excluded.status,
                    owner = excluded.owner, account = excluded.account, product = excluded.product,
                    engaged_on = excluded.engaged_on, closed_on = excluded.closed_on, value_e2 = excluded.value_e2,
                    currency = excluded.currency, file_id = excluded.file_id, run_id = excluded.run_id""")) {
            return records.load(c, runId, file, source, tenantZone, FIELDS, upsert, (v, parse, days) -> {
                String dealId = text(v[DEAL_ID]);
                String stage = text(v[STAGE]);
                if (dealId == null) {
                    return "missing deal id";
                }
                if (stage == null) {
                    return "missing stage";
                }
                LocalDate engaged = null, closed = null;
                if (text(v[ENGAGED]) != null && (engaged = parse.date(text(v[ENGAGED]))) == null) {
                    return parse.dateRejection("engage date", text(v[ENGAGED]));
                }
                if (text(v[CLOSED]) != null && (closed = parse.date(text(v[CLOSED]))) == null) {
                    return parse.dateRejection("close date", text(v[CLOSED]));
                }
                String status = source.options.status(stage);
                long value = 0;
                if (text(v[VALUE]) != null) {
                    value = parse.number(text(v[VALUE]), 2);
                    if (value == NumberParser.NOT_A_NUMBER) {
                        return "value '" + text(v[VALUE]) + "' is not a number";
                    }
                    if (value == NumberParser.TOO_LARGE) {
                        return "value " + text(v[VALUE]) + " is too large";
                    }
                }
                if (status.equals("lost")) {
                    value = 0;
                }
                if (engaged != null && closed != null && closed.isBefore(engaged)) {
                    parse.note("close date before engage date");
                }
                if (status.equals("won") && value <= 0) {
                    parse.note("won deal without a value");
                }
                if (!status.equals("open") && closed != null) {
                    days.add(closed);
                }
                upsert.setLong(1, file.tenantId);
                upsert.setLong(2, source.id);
                upsert.setString(3, dealId);
                upsert.setString(4, stage);
                upsert.setString(5, status);
                upsert.setString(6, text(v[OWNER]) == null ? "" : text(v[OWNER]));
                upsert.setString(7, text(v[ACCOUNT]));
                upsert.setString(8, text(v[PRODUCT]) == null ? "" : text(v[PRODUCT]));
                setDate(upsert, 9, engaged);
                setDate(upsert, 10, closed);
                upsert.setLong(11, value);
                upsert.setString(12, text(v[CURRENCY]));
                upsert.setLong(13, file.id);
                upsert.setLong(14, runId);
                upsert.addBatch();
                return null;
            });
        }
    }

    static void setDate(PreparedStatement ps, int index, LocalDate date) throws SQLException {
        if (date == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setObject(index, date);
        }
    }

    @Override
    public long aggregate(Connection c, long tenantId, Set<LocalDate> days) throws SQLException {
        long rows = 0;
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM deal_month WHERE tenant_id = ?")) {
            delete.setLong(1, tenantId);
            delete.executeUpdate();
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM deal_open WHERE tenant_id = ?")) {
            delete.setLong(1, tenantId);
            delete.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO deal_month (tenant_id, month, owner, product, won_value_e2, won, lost, cycle_days_sum, cycle_deals)
                SELECT d.tenant_id, date_trunc('month', d.closed_on)::date, d.owner,
                       coalesce(a.sku, upper(d.product)) AS product,
                       coalesce(sum(d.value_e2) FILTER (WHERE d.status = 'won'), 0),
                       count(*) FILTER (WHERE d.status = 'won'), count(*) FILTER (WHERE d.status = 'lost'),
                       coalesce(sum(d.closed_on - d.engaged_on) FILTER (WHERE d.status = 'won' AND d.engaged_on IS NOT NULL), 0),
                       count(*) FILTER (WHERE d.status = 'won' AND d.engaged_on IS NOT NULL)
                FROM deal d LEFT JOIN product_alias a ON a.tenant_id = d.tenant_id AND a.alias = upper(d.product)
                WHERE d.tenant_id = ? AND d.status IN ('won', 'lost') AND d.closed_on IS NOT NULL
                GROUP BY 1, 2, 3, 4""")) {
            ps.setLong(1, tenantId);
            rows += ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO deal_open (tenant_id, stage, owner, product, deals, value_e2)
                SELECT d.tenant_id, d.stage, d.owner, coalesce(a.sku, upper(d.product)), count(*), sum(d.value_e2)
                FROM deal d LEFT JOIN product_alias a ON a.tenant_id = d.tenant_id AND a.alias = upper(d.product)
                WHERE d.tenant_id = ? AND d.status = 'open'
                GROUP BY 1, 2, 3, 4""")) {
            ps.setLong(1, tenantId);
            rows += ps.executeUpdate();
        }
        return rows;
    }
}
