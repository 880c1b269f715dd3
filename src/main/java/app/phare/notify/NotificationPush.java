package app.phare.notify;

import app.phare.tenant.StreamQuota;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pushes each new notification to the pages its user has open (Server-Sent Events): the page shows a toast and
 * refreshes the bell. A user without an open page finds it in the bell, and by e-mail if they chose so. A user past
 * their number of open streams gets 429 ({@link StreamQuota}).
 */
@ApplicationScoped
public class NotificationPush {

    private record Client(SseEventSink sink, Sse sse, boolean html) {
    }

    @Inject
    StreamQuota quota;

    private final Map<Long, Set<Client>> clients = new ConcurrentHashMap<>();

    void subscribe(long userId, SseEventSink sink, Sse sse, boolean html) {
        quota.admit(sink);
        clients.values().forEach(set -> set.removeIf(c -> c.sink.isClosed()));
        clients.computeIfAbsent(userId, u -> ConcurrentHashMap.newKeySet()).add(new Client(sink, sse, html));
        sink.send(sse.newEventBuilder().comment("connected").build());
    }

    void onSent(@Observes NotificationService.Sent sent) {
        Set<Client> open = clients.get(sent.userId());
        if (open == null || sent.view().read()) {
            return;
        }
        String html = NotificationsPage.Templates.toast(sent.view()).render().replace("\r", "").replace('\n', ' ');
        String json = "{\"id\":" + sent.view().id() + ",\"kind\":\"" + sent.view().kind() + "\",\"title\":"
                + quote(sent.view().title()) + ",\"link\":" + (sent.view().link() == null ? "null" : quote(sent.view().link())) + "}";
        for (Client c : Set.copyOf(open)) {
            if (c.sink.isClosed()) {
                open.remove(c);
                continue;
            }
            c.sink.send(c.sse.newEventBuilder().name("notification").id(Long.toString(sent.view().id()))
                    .data(c.html ? html : json).build()).whenComplete((v, f) -> {
                if (f != null) {
                    open.remove(c);
                }
            });
        }
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
