package io.akocamel.avi;

import io.akocamel.model.AviType;
import io.akocamel.testing.TestSettings;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A replica that is not the leader sends no write, whatever was planned before it lost the Lease; it still reads. */
class WriteFenceTest {
    final FakeController controller = new FakeController();
    final AtomicBoolean leader = new AtomicBoolean(true);
    final AviSession session = new AviSession(TestSettings.builder().controller(controller.url()).quickRetries().build(), leader::get);

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    void aWritePlannedByTheLeaderIsNotSentOnceItLostTheLease() throws Exception {
        Exchange write = exchange(AviStep.write(SessionHeadersTest.create(AviType.POOL, "p1"), 1));
        leader.set(false);

        assertThatThrownBy(() -> session.prepare(write)).isInstanceOf(AviNotLeaderException.class)
                .hasMessage("POST /api/pool not sent: this replica is not the leader (Lease ako-lease-lock); the leader reconciles it");
        assertThat(controller.calls()).as("not even a login").isEmpty();
        assertThat(ErrorClass.NOT_LEADER.stopsBatch()).as("the rest of the batch is not attempted").isTrue();
    }

    @Test
    void aFollowerStillReads() throws Exception {
        leader.set(false);

        session.prepare(exchange(AviStep.read("/api/pool")));

        assertThat(controller.calls()).containsExactly("POST /login");
    }

    private static Exchange exchange(AviStep step) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(AviExchange.STEP, step);
        return exchange;
    }
}
