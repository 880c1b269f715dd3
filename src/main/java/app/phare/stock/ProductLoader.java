package app.phare.stock;

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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static app.phare.ingest.RecordLoader.Values.text;

/**
 * Products: name, category and unit cost per sku (upper-cased, as order lines have it), and aliases — other
 * spellings of the sku or of its name, from an aliases column (separated by ; or |) and from the source's options —
 * so that orders, deals and stock that name a product differently still join.
 */
@ApplicationScoped
public class ProductLoader implements KindLoader {

    private static final String[] FIELDS = SourceKind.products.fieldNames();
    private static final int SKU = 0, NAME = 1, CATEGORY = 2, UNIT_COST = 3, ALIASES = 4;

    @Inject
    RecordLoader records;

    @Inject
    StockAggregator stock;

    @Override
    public SourceKind kind() {
        return SourceKind.products;
    }

    @Override
    public RecordLoader.Result load(Connection c, long runId, SourceFile file, Source source, ZoneId tenantZone)
            throws IOException, SQLException, FileUnreadableException {
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO product (tenant_id, sku, name, category, unit_cost_e4) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, sku) DO UPDATE SET name = coalesce(excluded.name, product.name),
                    category = coalesce(excluded.category, product.category),
                    unit_cost_e4 = coalesce(excluded.unit_cost_e4, product.unit_cost_e4)""");
             PreparedStatement alias = c.prepareStatement("""
                     INSERT INTO product_alias (tenant_id, alias, sku) VALUES (?, ?, ?)
                     ON CONFLICT (tenant_id, alias) DO UPDATE SET sku = excluded.sku""")) {
            RecordLoader.Result result = records.load(c, runId, file, source, tenantZone, FIELDS, upsert, (v, parse, days) -> {
                String sku = text(v[SKU]);
                if (sku == null) {
                    return "missing sku";
                }
                sku = sku.toUpperCase(Locale.ROOT);
                Long cost = null;
                if (text(v[UNIT_COST]) != null) {
                    long n = parse.number(text(v[UNIT_COST]), 4);
                    if (n == NumberParser.NOT_A_NUMBER) {
                        return "unit cost '" + text(v[UNIT_COST]) + "' is not a number";
                    }
                    if (n == NumberParser.TOO_LARGE) {
                        return "unit cost " + text(v[UNIT_COST]) + " is too large";
                    }
                    cost = n;
                }
                upsert.setLong(1, file.tenantId);
                upsert.setString(2, sku);
                upsert.setString(3, text(v[NAME]));
                upsert.setString(4, text(v[CATEGORY]));
                if (cost == null) {
                    upsert.setNull(5, java.sql.Types.BIGINT);
                } else {
                    upsert.setLong(5, cost);
                }
                upsert.addBatch();
                // the name is another spelling of the sku, and so is each alias given
                if (text(v[NAME]) != null) {
                    addAlias(alias, file.tenantId, text(v[NAME]), sku);
                }
                if (text(v[ALIASES]) != null) {
                    for (String a : text(v[ALIASES]).split("[;|]")) {
                        if (!a.isBlank()) {
                            addAlias(alias, file.tenantId, a, sku);
                        }
                    }
                }
                return null;
            });
            for (Map.Entry<String, String> e : source.options.aliases().entrySet()) {
                addAlias(alias, file.tenantId, e.getKey(), e.getValue().strip().toUpperCase(Locale.ROOT));
            }
            alias.executeBatch();
            return result;
        }
    }

    private static void addAlias(PreparedStatement alias, long tenantId, String spelling, String sku) throws SQLException {
        String key = spelling.strip().toUpperCase(Locale.ROOT);
        if (key.equals(sku)) {
            return;
        }
        alias.setLong(1, tenantId);
        alias.setString(2, key);
        alias.setString(3, sku);
        alias.addBatch();
    }

    @Override
    public long aggregate(Connection c, long tenantId, Set<LocalDate> days) throws SQLException {
        return stock.rebuild(c, tenantId);
    }
}
