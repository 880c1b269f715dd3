package app.phare.common;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * CSRF protection of the pages (double-submit token): every page carries the token of the browser's
 * {@value #COOKIE} cookie, htmx sends it back in the {@value #HEADER} header on every state-changing request, and
 * {@link CsrfFilter} refuses a change whose header does not match the cookie. The login form, before any session,
 * carries the same token in its {@value #FIELD} field, checked by the login itself. The session cookie is also SameSite.
 */
@RequestScoped
public class Csrf {

    public static final String COOKIE = "phare-csrf";
    public static final String HEADER = "X-CSRF-Token";
    public static final String FIELD = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private String token;
    private boolean fresh;

    /** The browser's token, or a new one that the response will set as a cookie. */
    public String token(HttpHeaders headers) {
        if (token == null) {
            Cookie cookie = headers.getCookies().get(COOKIE);
            if (cookie != null && cookie.getValue().matches("[0-9a-f]{32}")) {
                token = cookie.getValue();
            } else {
                byte[] bytes = new byte[16];
                RANDOM.nextBytes(bytes);
                token = HexFormat.of().formatHex(bytes);
                fresh = true;
            }
        }
        return token;
    }

    /** The cookie to set when this request created the token. */
    NewCookie newCookie() {
        if (!fresh) {
            return null;
        }
        return new NewCookie.Builder(COOKIE).value(token).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
