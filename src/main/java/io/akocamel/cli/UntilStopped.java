package io.akocamel.cli;

import java.util.concurrent.CountDownLatch;

/** The commands that serve until Ctrl-C: block until the JVM is asked to stop, then close what runs. */
final class UntilStopped {
    private UntilStopped() {
    }

    static void await(AutoCloseable running, String threadName) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, threadName));
        stopped.await();
    }
}
