package app.phare.token;

import java.util.List;

/** What an API token may do. A token's scopes become the roles of the identity it authenticates. */
public final class Scope {

    public static final String EVENTS_WRITE = "events:write";
    public static final String PAYMENTS_CHECK = "payments:check";

    public static final List<String> ALL = List.of(EVENTS_WRITE, PAYMENTS_CHECK);

    /** The role every token identity has, whatever its scopes: tells machine clients from users. */
    public static final String API_CLIENT = "api-client";

    private Scope() {
    }
}
