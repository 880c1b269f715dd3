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
import java.util.Set;

import static app.phare.ingest.RecordLoader.Values.text;

/**
 * Stock snapshots: units on hand, on order and the reorder level of a sku on a date (the file's upload day when the
 * export has no date column), the latest file winning for a sku and date.
 */
@ApplicationScoped
public class InventoryLoader implements KindLoader {

    private static final String[] FIELDS = SourceKind.inventory.fieldNames();
    private static final int DATE = 0, SKU = 1, ON_HAND = 2, ON_ORDER = 3, REORDER = 4;

    @Inject
    RecordLoader records;

    @Inject
    StockAggregator stock;

    @Override
    public SourceKind kind() {
        return SourceKind.inventory;
    }

    @Override
    public RecordLoader.Result load(Connection c, long runId, SourceFile file, Source source, ZoneId tenantZone)
            throws IOException, SQLException, FileUnreadableException {
        LocalDate uploadDay = file.uploadedAt.atZone(tenantZone).toLocalDate();
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO stock_snapshot (tenant_id, source_id, snapshot_date, sku, on_hand, on_order, reorder_level, file_id, run_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, source_id, snapshot_date, sku) DO UPDATE SET on_hand = excluded.on_hand,
                    on_order = excluded.on_order, reorder_level = excluded.reorder_level, file_id = excluded.file_id,
                    run_id = excluded.run_id""")) {
            return records.load(c, runId, file, source, tenantZone, FIELDS, upsert, (v, parse, days) -> {
                LocalDate date = uploadDay;
                if (source.mapping.get("snapshotDate") != null) {
                    if (text(v[DATE]) == null) {
                        return "missing snapshot date";
                    }
                    date = parse.date(text(v[DATE]));
                    if (date == null) {
                        return parse.dateRejection("snapshot date", text(v[DATE]));
                    }
                }
                String sku = text(v[SKU]);
                if (sku == null) {
                    return "missing sku";
                }
                long[] n = new long[3];
                String[] names = {"units on hand", "units on order", "reorder level"};
                int[] columns = {ON_HAND, ON_ORDER, REORDER};
                for (int i = 0; i < 3; i++) {
                    String t = text(v[columns[i]]);
                    if (t == null) {
                        if (i == 0) {
                            return "missing units on hand";
                        }
                        continue;
                    }
                    n[i] = parse.number(t, 0);
                    if (n[i] == NumberParser.NOT_A_NUMBER) {
                        return names[i] + " '" + t + "' is not a number";
                    }
                    if (n[i] == NumberParser.TOO_LARGE) {
                        return names[i] + " " + t + " is too large";
                    }
                }
                if (n[0] < 0) {
                    parse.note("stock below zero");
                }
                days.add(date);
                upsert.setLong(1, file.tenantId);
                upsert.setLong(2, source.id);
                upsert.setObject(3, date);
                upsert.setString(4, sku.toUpperCase(Locale.ROOT));
                upsert.setLong(5, n[0]);
                upsert.setLong(6, n[1]);
                upsert.setLong(7, n[2]);
                upsert.setLong(8, file.id);
                upsert.setLong(9, runId);
                upsert.addBatch();
                return null;
            });
        }
    }

    @Override
    public long aggregate(Connection c, long tenantId, Set<LocalDate> days) throws SQLException {
        return stock.rebuild(c, tenantId);
    }
}
