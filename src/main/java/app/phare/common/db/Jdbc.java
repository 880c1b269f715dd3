package app.phare.common.db;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** One statement on a pooled connection (in the caller's tenant scope), for the small updates services make. */
public final class Jdbc {

    private Jdbc() {
    }

    /** Runs an INSERT, UPDATE or DELETE with positional arguments; returns the rows it touched. */
    public static int execute(DataSource dataSource, String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + e.getMessage(), e);
        }
    }
}
