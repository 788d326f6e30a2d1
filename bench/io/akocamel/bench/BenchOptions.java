package io.akocamel.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The benchmarks' options, from {@code -Dbench.*} system properties:
 * <ul>
 * <li>{@code bench.scenarios}: which to run, comma separated (default all): {@code model}, {@code ingestion},
 * {@code cold}, {@code burst}, {@code change}, {@code noop}, {@code restart}, {@code memory}; and {@code manifest}, which
 * writes the {@code bench.ingresses} cluster to {@code target/bench-cluster-<N>.json};</li>
 * <li>{@code bench.latencyMs}: the simulator's answer delay per call (default 5);</li>
 * <li>{@code bench.sessions}: parallel Avi sessions given to the controller (default 8), through the setting
 * {@code bench.sessionsSetting} (default {@code akoCamel.aviSessions});</li>
 * <li>{@code bench.coldSizes}: Ingresses of the cold syncs (default 1000,5000);</li>
 * <li>{@code bench.ingresses}: the cluster of the change, no-op, restart and memory scenarios (default 5000);</li>
 * <li>{@code bench.burstSize} (default 1000) and {@code bench.burstRate} (Ingresses created per second, default 200);</li>
 * <li>{@code bench.changes}: changes of the change-latency scenario (default 200).</li>
 * </ul>
 */
record BenchOptions(Set<String> scenarios, Duration latency, int sessions, String sessionsSetting, List<Integer> coldSizes, int ingresses,
                    int burstSize, int burstRate, int changes) {
    static final List<String> SCENARIOS = List.of("model", "ingestion", "cold", "burst", "change", "noop", "restart", "memory");
    /** Not a measurement, so never run by default: writes the {@link #ingresses} cluster as a manifest. */
    static final String MANIFEST = "manifest";

    static BenchOptions fromSystemProperties() {
        Set<String> scenarios = Arrays.stream(System.getProperty("bench.scenarios", String.join(",", SCENARIOS)).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        scenarios.stream().filter(s -> !SCENARIOS.contains(s) && !s.equals(MANIFEST)).findAny().ifPresent(unknown -> {
            throw new IllegalArgumentException("bench.scenarios: unknown scenario '" + unknown + "'; choose from " + SCENARIOS
                    + " or " + MANIFEST);
        });
        return new BenchOptions(scenarios,
                Duration.ofMillis(number("bench.latencyMs", 5)),
                number("bench.sessions", 8),
                System.getProperty("bench.sessionsSetting", "akoCamel.aviSessions"),
                Arrays.stream(System.getProperty("bench.coldSizes", "1000,5000").split(",")).map(String::trim)
                        .map(Integer::parseInt).toList(),
                number("bench.ingresses", 5000),
                number("bench.burstSize", 1000),
                number("bench.burstRate", 200),
                number("bench.changes", 200));
    }

    boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }

    boolean runsEndToEnd() {
        return runs("cold") || runs("burst") || runsOnCluster();
    }

    /** Whether a scenario over the {@link #ingresses} cluster runs (they share one cluster and one cold sync). */
    boolean runsOnCluster() {
        return runs("change") || runs("noop") || runs("restart") || runs("memory");
    }

    private static int number(String property, int defaultValue) {
        String value = System.getProperty(property);
        try {
            return value == null ? defaultValue : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + " must be a whole number: " + value, e);
        }
    }
}
