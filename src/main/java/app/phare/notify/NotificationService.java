package app.phare.notify;

import app.phare.common.ProblemException;
import app.phare.tenant.AppUser;
import app.phare.tenant.TenantScope;
import app.phare.tenant.UserDirectory;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

/** Sends in-app notifications to a tenant's users and lets each user read and clear their own. */
@ApplicationScoped
public class NotificationService implements PanacheRepository<Notification> {

    /** A notification as the API and the page show it. */
    public record View(long id, Instant at, String kind, String title, String body, String link, boolean read) {
    }

    /**
     * Fired once a notification is stored: the live toast and the e-mail follow from it. skipMail: no e-mail from
     * this notification (the user gets one of their own, or the sender asked for in-app only).
     */
    public record Sent(long tenantId, long userId, String email, View view, boolean skipMail) {
    }

    @Inject
    UserDirectory users;

    @Inject
    jakarta.enterprise.event.Event<Sent> sent;

    @Inject
    NotificationPreferences preferences;

    /** Notifies every admin of the tenant; returns how many were notified. */
    public int notifyAdmins(long tenantId, String kind, String title, String body, String link) {
        return TenantScope.callAs(tenantId, () -> QuarkusTransaction.requiringNew().call(() -> {
            List<AppUser> admins = users.list("tenantId = ?1 and role = ?2", tenantId, AppUser.ADMIN);
            List<Sent> done = new java.util.ArrayList<>();
            for (AppUser admin : admins) {
                Sent s = store(tenantId, admin, kind, title, body, link, false);
                if (s != null) {
                    done.add(s);
                }
            }
            return done;
        })).stream().peek(sent::fire).toList().size();
    }

    /** Notifies one user of the tenant (by e-mail address); nothing when the user is gone or turned this kind off. */
    public void notifyUser(long tenantId, String email, String kind, String title, String body, String link) {
        notifyUser(tenantId, email, kind, title, body, link, false);
    }

    /** mailedAlready: the user gets an e-mail of their own for this (a subscription's delivery), not a second one. */
    public void notifyUser(long tenantId, String email, String kind, String title, String body, String link,
                           boolean mailedAlready) {
        Sent s = TenantScope.callAs(tenantId, () -> QuarkusTransaction.requiringNew().call(() ->
                users.findByEmail(email).filter(u -> u.tenantId == tenantId)
                        .map(u -> store(tenantId, u, kind, title, body, link, mailedAlready)).orElse(null)));
        if (s != null) {
            sent.fire(s);
        }
    }

    /**
     * Notifies one user as the sender wants (in the app, by e-mail) and as far as the user's preferences for the kind
     * allow; returns whether the user exists in the tenant and gets it in some way.
     */
    public boolean notifyUser(long tenantId, String email, String kind, String title, String body, String link,
                              NotificationPreferences.Choice wanted) {
        Sent s = TenantScope.callAs(tenantId, () -> QuarkusTransaction.requiringNew().call(() ->
                users.findByEmail(email).filter(u -> u.tenantId == tenantId)
                        .map(u -> store(tenantId, u, kind, title, body, link, wanted)).orElse(null)));
        if (s == null) {
            return false;
        }
        sent.fire(s);
        return !s.skipMail() || !s.view().read();
    }

    private Sent store(long tenantId, AppUser user, String kind, String title, String body, String link, boolean mailedAlready) {
        return store(tenantId, user, kind, title, body, link, new NotificationPreferences.Choice(true, !mailedAlready));
    }

    private Sent store(long tenantId, AppUser user, String kind, String title, String body, String link,
                       NotificationPreferences.Choice wanted) {
        NotificationPreferences.Choice preferred = preferences.of(user.id, kind);
        NotificationPreferences.Choice choice = new NotificationPreferences.Choice(preferred.inApp() && wanted.inApp(),
                preferred.email() && wanted.email());
        Notification n = new Notification();
        n.tenantId = tenantId;
        n.userId = user.id;
        n.kind = kind;
        n.title = title;
        n.body = body;
        n.link = link;
        if (!choice.inApp()) {
            n.readAt = java.time.Instant.now(); // kept for the record, never shown as new
        }
        persist(n);
        flush();
        getEntityManager().refresh(n);
        return new Sent(tenantId, user.id, user.email, view(n), !choice.email());
    }

    /** The user's notifications, newest first. */
    public List<View> latest(String email, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> find("userId = ?1 order by id desc", userId(email))
                .page(0, limit).list().stream().map(NotificationService::view).toList());
    }

    public long unread(String email) {
        return QuarkusTransaction.requiringNew().call(() -> count("userId = ?1 and readAt is null", userId(email)));
    }

    /** Marks one of the user's notifications read; 404 when it is not theirs. */
    public View markRead(String email, long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Notification n = find("id = ?1 and userId = ?2", id, userId(email)).firstResultOptional()
                    .orElseThrow(() -> ProblemException.notFound("notification " + id));
            if (n.readAt == null) {
                n.readAt = Instant.now();
            }
            return view(n);
        });
    }

    /** Marks all of the user's notifications read; returns how many were unread. */
    public long markAllRead(String email) {
        return QuarkusTransaction.requiringNew().call(() ->
                (long) update("readAt = ?1 where userId = ?2 and readAt is null", Instant.now(), userId(email)));
    }

    private long userId(String email) {
        return users.findByEmail(email).map(u -> u.id).orElseThrow(() -> new IllegalStateException("no user " + email));
    }

    private static View view(Notification n) {
        return new View(n.id, n.at, n.kind, n.title, n.body, n.link, n.readAt != null);
    }
}
