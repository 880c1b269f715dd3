package app.phare.notify;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Sends a notification by e-mail too when its user chose so, through the Quarkus Mailer (SMTP from QUARKUS_MAILER_*;
 * a mock mailbox unless PHARE_MAIL_MOCK=false). Links are made absolute with phare.base-url.
 */
@ApplicationScoped
public class NotificationMailer {

    private static final Logger LOG = Logger.getLogger(NotificationMailer.class);

    @Inject
    Mailer mailer;

    @Inject
    app.phare.common.PhareConfig config;

    void onSent(@Observes NotificationService.Sent sent) {
        if (sent.skipMail()) {
            return; // the sender and the user's preferences decided when the notification was stored
        }
        try {
            String link = sent.view().link() == null ? "" : "\n\n" + config.baseUrl() + sent.view().link();
            mailer.send(Mail.withText(sent.email(), "[Phare] " + sent.view().title(),
                    (sent.view().body() == null ? "" : sent.view().body()) + link));
        } catch (RuntimeException e) {
            // the in-app notification stands; an unreachable mail server must not undo it
            LOG.errorf("could not e-mail %s: %s", sent.email(), e.getMessage());
        }
    }
}
