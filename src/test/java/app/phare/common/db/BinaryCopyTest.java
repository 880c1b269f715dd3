package app.phare.common.db;

import app.phare.testing.Database;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Binary COPY values arrive in PostgreSQL exactly as written. */
@QuarkusTest
class BinaryCopyTest {

    @Test
    void numbersDatesTimestampsUuidsAndTextRoundTrip() throws Exception {
        List<String> numbers = List.of("0", "1", "-1", "0.5", "-0.0001", "12.3400", "9999", "10000", "123456789.1234",
                "-80995.000", "0.0650", "100000000.0000001", "1E+3", "38970.00");
        try (Connection c = Database.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE bc (n numeric, d date, t timestamptz, u uuid, s text)");
            Instant instant = Instant.parse("2011-12-09T12:50:00.123456Z");
            UUID uuid = UUID.randomUUID();
            try (BinaryCopy copy = new BinaryCopy(c, "bc", "n, d, t, u, s")) {
                for (String n : numbers) {
                    copy.row(5).numeric(new BigDecimal(n)).date(LocalDate.of(1999, 12, 31)).timestamptz(instant)
                            .uuid(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits()).text("é\t\"x\"\n");
                }
                copy.row(5).nullValue().nullValue().nullValue().nullValue().text(null);
                copy.finish();
            }
            List<BigDecimal> read = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT n, d, t, u, s FROM bc WHERE n IS NOT NULL")) {
                while (rs.next()) {
                    read.add(rs.getBigDecimal(1));
                    assertThat(rs.getObject(2, LocalDate.class)).isEqualTo(LocalDate.of(1999, 12, 31));
                    assertThat(rs.getObject(3, java.time.OffsetDateTime.class).toInstant()).isEqualTo(instant);
                    assertThat(rs.getObject(4, UUID.class)).isEqualTo(uuid);
                    assertThat(rs.getString(5)).isEqualTo("é\t\"x\"\n");
                }
            }
            assertThat(read).hasSameSizeAs(numbers);
            for (int i = 0; i < numbers.size(); i++) {
                assertThat(read.get(i)).isEqualByComparingTo(new BigDecimal(numbers.get(i)));
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM bc WHERE n IS NULL AND s IS NULL")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }
}
