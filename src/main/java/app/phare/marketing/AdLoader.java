package app.phare.marketing;

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
import java.util.Set;

import static app.phare.ingest.RecordLoader.Values.text;

/**
 * Ad campaign performance: one row per day, platform, campaign, ad set and ad of a source, the latest file winning.
 * Spend and conversion value are rounded to cents once, here. The days a file touched are re-aggregated by campaign.
 */
@ApplicationScoped
public class AdLoader implements KindLoader {

    private static final String[] FIELDS = SourceKind.ad_campaigns.fieldNames();
    private static final int DAY = 0, PLATFORM = 1, CAMPAIGN = 2, AD_SET = 3, AD = 4, IMPRESSIONS = 5, CLICKS = 6,
            SPEND = 7, CONVERSIONS = 8, CONVERSION_VALUE = 9;

    @Inject
    RecordLoader records;

    @Override
    public SourceKind kind() {
        return SourceKind.ad_campaigns;
    }

    @Override
    public RecordLoader.Result load(Connection c, long runId, SourceFile file, Source source, ZoneId tenantZone)
            throws IOException, SQLException, FileUnreadableException {
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO ad_day (tenant_id, source_id, day, platform, campaign, ad_set, ad, impressions, clicks, spend_e2,
                                    conversions, conversion_value_e2, file_id, run_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, source_id, day, platform, campaign, ad_set, ad) DO UPDATE SET
                    impressions = excluded.impressions, clicks = excluded.clicks, spend_e2 = excluded.spend_e2,
                    conversions = excluded.conversions, conversion_value_e2 = excluded.conversion_value_e2,
                    file_id = excluded.file_id, run_id = excluded.run_id""")) {
            return records.load(c, runId, file, source, tenantZone, FIELDS, upsert, (v, parse, days) -> {
                if (text(v[DAY]) == null) {
                    return "missing day";
                }
                LocalDate day = parse.date(text(v[DAY]));
                if (day == null) {
                    return parse.dateRejection("day", text(v[DAY]));
                }
                if (text(v[CAMPAIGN]) == null) {
                    return "missing campaign";
                }
                long[] n = new long[5];
                String[] names = {"impressions", "clicks", "spend", "conversions", "conversion value"};
                int[] columns = {IMPRESSIONS, CLICKS, SPEND, CONVERSIONS, CONVERSION_VALUE};
                int[] scales = {0, 0, 2, 0, 2};
                for (int i = 0; i < 5; i++) {
                    String t = text(v[columns[i]]);
                    if (t == null) {
                        if (columns[i] == SPEND) {
                            return "missing spend";
                        }
                        continue;
                    }
                    n[i] = parse.number(t, scales[i]);
                    if (n[i] == NumberParser.NOT_A_NUMBER) {
                        return names[i] + " '" + t + "' is not a number";
                    }
                    if (n[i] == NumberParser.TOO_LARGE) {
                        return names[i] + " " + t + " is too large";
                    }
                }
                if (n[2] < 0) {
                    parse.note("negative spend");
                }
                if (n[1] > n[0] && text(v[IMPRESSIONS]) != null) {
                    parse.note("more clicks than impressions");
                }
                if (n[3] > 0 && n[1] == 0 && text(v[CLICKS]) != null) {
                    parse.note("conversions without clicks");
                }
                days.add(day);
                upsert.setLong(1, file.tenantId);
                upsert.setLong(2, source.id);
                upsert.setObject(3, day);
                upsert.setString(4, orEmpty(v[PLATFORM]));
                upsert.setString(5, text(v[CAMPAIGN]));
                upsert.setString(6, orEmpty(v[AD_SET]));
                upsert.setString(7, orEmpty(v[AD]));
                for (int i = 0; i < 5; i++) {
                    upsert.setLong(8 + i, n[i]);
                }
                upsert.setLong(13, file.id);
                upsert.setLong(14, runId);
                upsert.addBatch();
                return null;
            });
        }
    }

    private static String orEmpty(String s) {
        String t = text(s);
        return t == null ? "" : t;
    }

    @Override
    public long aggregate(Connection c, long tenantId, Set<LocalDate> days) throws SQLException {
        if (days.isEmpty()) {
            return 0;
        }
        java.sql.Array dayArray = c.createArrayOf("date", days.stream().map(java.sql.Date::valueOf).toArray());
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM ad_campaign_day WHERE tenant_id = ? AND day = ANY (?)")) {
            delete.setLong(1, tenantId);
            delete.setArray(2, dayArray);
            delete.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO ad_campaign_day (tenant_id, day, platform, campaign, impressions, clicks, spend_e2, conversions,
                                             conversion_value_e2)
                SELECT tenant_id, day, platform, campaign, sum(impressions), sum(clicks), sum(spend_e2), sum(conversions),
                       sum(conversion_value_e2)
                FROM ad_day WHERE tenant_id = ? AND day = ANY (?)
                GROUP BY tenant_id, day, platform, campaign""")) {
            ps.setLong(1, tenantId);
            ps.setArray(2, dayArray);
            return ps.executeUpdate();
        }
    }
}
