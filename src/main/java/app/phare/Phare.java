package app.phare;

import app.phare.common.SessionKey;
import app.phare.common.db.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Entry point: starts the embedded PostgreSQL when no database server is configured, provides the session key, then Quarkus. */
@QuarkusMain
public class Phare {

    public static void main(String... args) {
        EmbeddedDatabase.startUnlessConfigured();
        SessionKey.provideUnlessConfigured();
        Quarkus.run(args);
    }
}
