package app.phare.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * A tenant holding the whole online-retail export after one nightly run, loaded once per test JVM: several
 * acceptance tests read it, and loading 541,909 lines is the slow part. Tests must not change its data.
 */
public final class OnlineRetailTenant {

    private static Api.TestTenant loaded;

    private OnlineRetailTenant() {
    }

    public static synchronized Api.TestTenant loaded() {
        if (loaded == null) {
            Api.TestTenant t = Api.aTenant("Europe/London", "GBP", "en-GB");
            long source = Api.anOrdersSource(t, Api.onlineRetailMapping(), null);
            try {
                Api.upload(t, source, Files.readAllBytes(SharedData.onlineRetail()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Api.runNightly(t);
            loaded = t;
        }
        return loaded;
    }
}
