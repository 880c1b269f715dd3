package app.phare.common;

import java.util.Locale;

/** What every page's layout needs: who is logged in, for which tenant, the CSRF token and the active menu entry. */
public record PageContext(String tenantName, String user, boolean admin, String csrfToken, String active, Locale locale) {
}
