package app.phare.testing;

import app.phare.pipeline.RunExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes a step of a tenant's runs fail a number of times, or wait until released, through the pipeline's own
 * "step starting" event: how tests produce a database outage or a long run on demand.
 */
@ApplicationScoped
public class StepFaults {

    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<Long, CountDownLatch> holds = new ConcurrentHashMap<>();

    /** The next `times` attempts of this step, for this tenant, fail. */
    public void failNext(long tenantId, String step, int times) {
        failures.put(tenantId + "/" + step, new AtomicInteger(times));
    }

    /** Every run of this tenant waits at its first step until {@link #release(long)}. */
    public void hold(long tenantId) {
        holds.put(tenantId, new CountDownLatch(1));
    }

    public void release(long tenantId) {
        CountDownLatch latch = holds.remove(tenantId);
        if (latch != null) {
            latch.countDown();
        }
    }

    public void clear(long tenantId) {
        failures.keySet().removeIf(k -> k.startsWith(tenantId + "/"));
        release(tenantId);
    }

    void onStep(@Observes RunExecution.StepStarting step) throws InterruptedException {
        CountDownLatch latch = holds.get(step.tenantId());
        if (latch != null && !latch.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("test hold on tenant " + step.tenantId() + " was never released");
        }
        AtomicInteger left = failures.get(step.tenantId() + "/" + step.step());
        if (left != null && left.getAndDecrement() > 0) {
            throw new IllegalStateException("simulated outage in step " + step.step() + " (attempt " + step.attempt() + ")");
        }
    }
}
