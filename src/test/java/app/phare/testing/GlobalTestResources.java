package app.phare.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the database for every @QuarkusTest. */
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
public final class GlobalTestResources {

    private GlobalTestResources() {
    }
}
