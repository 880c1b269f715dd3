package app.phare.ingest;

import app.phare.source.Source;
import app.phare.source.SourceKind;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/** Loading and aggregation of one record kind (all kinds but orders), inside a run's transaction. */
public interface KindLoader {

    SourceKind kind();

    /** Loads one file of the kind into its facts (upsert by natural key: the latest file wins). */
    RecordLoader.Result load(Connection c, long runId, SourceFile file, Source source, ZoneId tenantZone)
            throws IOException, SQLException, FileUnreadableException;

    /** Rebuilds the tenant's aggregates of the kind after a run loaded files of it (days: those the files touched). */
    long aggregate(Connection c, long tenantId, Set<LocalDate> days) throws SQLException;
}
