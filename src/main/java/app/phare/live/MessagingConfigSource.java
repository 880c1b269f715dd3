package app.phare.live;

import app.phare.common.DerivedConfigSource;

import java.util.Locale;
import java.util.UUID;

/**
 * Puts the live channel on RabbitMQ when {@code PHARE_MESSAGING=rabbitmq}: a fanout exchange {@code phare.live}, and
 * per instance an exclusive queue bound to it, so that every instance receives every stored event once (each keeps
 * its own counters and pushes to its own browsers). Broker address and credentials come from the standard variables
 * {@code RABBITMQ_HOST}, {@code RABBITMQ_PORT}, {@code RABBITMQ_USERNAME}, {@code RABBITMQ_PASSWORD}. Without it the
 * channel stays in-process.
 */
public class MessagingConfigSource extends DerivedConfigSource {

    private static final String QUEUE = "phare.live." + UUID.randomUUID();

    public MessagingConfigSource() {
        super("phare-messaging");
        String mode = System.getProperty("phare.messaging", System.getenv("PHARE_MESSAGING"));
        if (mode == null || mode.isBlank() || mode.equalsIgnoreCase("in-process")) {
            return;
        }
        if (!mode.toLowerCase(Locale.ROOT).equals("rabbitmq")) {
            throw new IllegalArgumentException("PHARE_MESSAGING is '" + mode + "'; use rabbitmq, or leave it unset for in-process channels");
        }
        String out = "mp.messaging.outgoing.live-out.";
        properties.put(out + "connector", "smallrye-rabbitmq");
        properties.put(out + "exchange.name", "phare.live");
        properties.put(out + "exchange.type", "fanout");
        properties.put(out + "exchange.durable", "true");
        properties.put(out + "default-routing-key", "live");
        String in = "mp.messaging.incoming.live-in.";
        properties.put(in + "connector", "smallrye-rabbitmq");
        properties.put(in + "exchange.name", "phare.live");
        properties.put(in + "exchange.type", "fanout");
        properties.put(in + "exchange.durable", "true");
        properties.put(in + "queue.name", QUEUE);
        properties.put(in + "queue.exclusive", "true");
        properties.put(in + "queue.auto-delete", "true");
        properties.put(in + "queue.durable", "false");
        properties.put(in + "routing-keys", "#");
    }
}
