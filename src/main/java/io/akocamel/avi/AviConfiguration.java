package io.akocamel.avi;

import io.akocamel.config.Settings;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.LoggingLevel;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

import java.util.List;

/**
 * Binds the Avi delivery beans that routes/avi-delivery.camel.yaml and routes/avi-error-policy.camel.yaml use, from the
 * {@link Settings} bound as bean {@code settings}. Add it to Camel Main before start:
 * {@code main.configure().addConfiguration(new AviConfiguration())}.
 * <p>
 * Beans: {@code aviSession}, {@code aviInventory}, {@code aviInventoryLoader}, {@code aviPlanner}, {@code aviSteps},
 * {@code aviBatch}, {@code deadLetters}, {@code aviWriteLedger}, {@code aviTransientRedelivery},
 * {@code aviControllerHealthCheck}.
 */
public final class AviConfiguration implements CamelConfiguration {
    static final int DEAD_LETTER_CAPACITY = 1000;
    static final int WRITE_LEDGER_CAPACITY = 10_000;
    static final int PAGE_SIZE = 100;

    @Override
    public void configure(CamelContext context) throws Exception {
        Registry registry = context.getRegistry();
        Settings settings = registry.lookupByNameAndType("settings", Settings.class);
        if (settings == null) {
            throw new IllegalStateException("bind the io.akocamel.config.Settings as bean 'settings' before starting Camel");
        }
        String cluster = settings.akoSettings().clusterName();
        String vrf = settings.controllerSettings().vrfName().isEmpty() ? "global" : settings.controllerSettings().vrfName();

        AviSession session = new AviSession(settings);
        AviInventory inventory = new AviInventory(cluster);
        Planner planner = new Planner(cluster);
        DeadLetterStore deadLetters = new DeadLetterStore(settings.akoCamel().retry(), DEAD_LETTER_CAPACITY);
        deadLetters.setCamelContext(context);
        IdempotentRepository writeLedger = MemoryIdempotentRepository.memoryIdempotentRepository(WRITE_LEDGER_CAPACITY);
        context.addService(session);
        context.addService(writeLedger);

        registry.bind("aviSession", session);
        registry.bind("aviInventory", inventory);
        registry.bind("aviInventoryLoader", new InventoryLoader(inventory, cluster, settings.controllerSettings().cloudName(), List.of(vrf), PAGE_SIZE));
        registry.bind("aviPlanner", planner);
        registry.bind("deadLetters", deadLetters);
        registry.bind("aviWriteLedger", writeLedger);
        registry.bind("aviSteps", new AviStepProcessor(inventory, planner, deadLetters, writeLedger, session));
        registry.bind("aviBatch", new AviBatchProcessor(deadLetters));
        registry.bind("aviTransientRedelivery", transientRedelivery(settings.akoCamel().retry()));
        registry.bind("aviControllerHealthCheck", new AviControllerHealthCheck(session));
    }

    /** Connection errors, timeouts, 5xx: {@code maxAttempts} calls, delays from {@code initialDelay} doubling up to {@code maxDelay}. */
    static RedeliveryPolicy transientRedelivery(Settings.Retry retry) {
        RedeliveryPolicy policy = new RedeliveryPolicy();
        policy.setMaximumRedeliveries(retry.maxAttempts() - 1);
        policy.setRedeliveryDelay(retry.initialDelay().toMillis());
        policy.setUseExponentialBackOff(true);
        policy.setBackOffMultiplier(2);
        policy.setMaximumRedeliveryDelay(retry.maxDelay().toMillis());
        policy.setRetryAttemptedLogLevel(LoggingLevel.WARN);
        policy.setLogStackTrace(false);
        policy.setLogRetryStackTrace(false);
        policy.setLogExhausted(false);
        policy.setLogHandled(false);
        return policy;
    }
}
