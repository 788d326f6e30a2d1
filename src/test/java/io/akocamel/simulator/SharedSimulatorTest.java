package io.akocamel.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tests that share one simulator (fresh seed) and one logged-in client for the whole class. */
abstract class SharedSimulatorTest {
    static AviSimulator avi;
    static AviClient client;

    @BeforeAll
    static void startSimulator() {
        avi = AviSimulator.builder().build().start();
        client = new AviClient(avi).login();
    }

    @AfterAll
    static void stopSimulator() {
        avi.close();
    }
}
