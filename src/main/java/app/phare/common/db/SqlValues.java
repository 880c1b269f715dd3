package app.phare.common.db;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Values of native query results, whichever Java type the driver or Hibernate hands over. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A date column as LocalDate (null stays null). */
    public static LocalDate date(Object o) {
        return o == null ? null : o instanceof LocalDate d ? d : ((java.sql.Date) o).toLocalDate();
    }

    /** A timestamptz column as Instant (null stays null). */
    public static Instant instant(Object o) {
        return o == null ? null : o instanceof Instant i ? i : o instanceof java.sql.Timestamp t ? t.toInstant()
                : ((OffsetDateTime) o).toInstant();
    }
}
