package app.phare.live;

import app.phare.testing.Database;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The abandoned-cart sweep works on this instance's memory, so it runs on every instance: it is scheduled by the
 * node-local scheduler, not as a clustered Quartz trigger that only one node fires. Clustered work stays in Quartz.
 */
@QuarkusTest
class NodeLocalScheduleTest {

    @Inject
    Scheduler scheduler;

    @Test
    void theCartSweepIsNodeLocalAndRunRecoveryIsClustered() throws SQLException {
        assertThat(scheduler.getScheduledJob("abandoned-carts")).isNotNull();
        assertThat(clusteredTriggers("abandoned-carts")).isZero();
        assertThat(clusteredTriggers("run-recovery")).isEqualTo(1);
    }

    private static long clusteredTriggers(String identity) throws SQLException {
        try (Connection c = Database.connect();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM qrtz_triggers WHERE trigger_name = ? OR job_name = ?")) {
            ps.setString(1, identity);
            ps.setString(2, identity);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
