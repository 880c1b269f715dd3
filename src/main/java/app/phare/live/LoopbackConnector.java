package app.phare.live;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.smallrye.reactive.messaging.connector.InboundConnector;
import io.smallrye.reactive.messaging.connector.OutboundConnector;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Flow;

/**
 * The in-process transport of the live channel, used unless PHARE_MESSAGING=rabbitmq: what is sent on the outgoing
 * channel ({@code live-out}) is delivered, in order, to the incoming one ({@code live-in}) of the same instance. It lets
 * the same two channels run in-process or through RabbitMQ by configuration alone (SmallRye does not allow one channel
 * name in both directions on a broker).
 */
@ApplicationScoped
@Connector(LoopbackConnector.NAME)
public class LoopbackConnector implements InboundConnector, OutboundConnector {

    public static final String NAME = "phare-loopback";

    private final Object lock = new Object();
    private final Queue<Message<?>> early = new ArrayDeque<>();
    private MultiEmitter<? super Message<?>> downstream;
    /**
     * Delivers in order on a thread of its own: delivered on the sender's thread, a message would run in the sender's
     * Vert.x context, and its request context ends with the sender's HTTP request, in the middle of the listeners' work.
     */
    private java.util.concurrent.ExecutorService delivery;

    @jakarta.annotation.PostConstruct
    void start() {
        delivery = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "live-loopback");
            t.setDaemon(true);
            return t;
        });
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        delivery.shutdown();
    }

    @Override
    public Flow.Publisher<? extends Message<?>> getPublisher(Config config) {
        return Multi.createFrom().<Message<?>>emitter(emitter -> {
            synchronized (lock) {
                downstream = emitter;
                early.forEach(emitter::emit);
                early.clear();
            }
        }, BackPressureStrategy.BUFFER);
    }

    @Override
    public Flow.Subscriber<? extends Message<?>> getSubscriber(Config config) {
        return new Flow.Subscriber<Message<?>>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Message<?> message) {
                Message<?> delivered = Message.of(message.getPayload());
                try {
                    delivery.execute(() -> {
                        synchronized (lock) {
                            if (downstream == null) {
                                early.add(delivered);
                            } else {
                                downstream.emit(delivered);
                            }
                        }
                    });
                } catch (java.util.concurrent.RejectedExecutionException stopping) {
                    // the instance is stopping: its own listeners are going away with it
                }
                message.ack();
            }

            @Override
            public void onError(Throwable failure) {
                synchronized (lock) {
                    if (downstream != null) {
                        downstream.fail(failure);
                    }
                }
            }

            @Override
            public void onComplete() {
                synchronized (lock) {
                    if (downstream != null) {
                        downstream.complete();
                    }
                }
            }
        };
    }
}
