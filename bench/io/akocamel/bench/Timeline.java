package io.akocamel.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where the time of a sync went, second by second: the Avi writes answered and the Ingresses that got their status,
 * and how many of the sessions the writes kept busy on average (writes × latency ÷ (sessions × 1 s)).
 */
record Timeline(String title, int[] writes, int[] statuses) {

    static Timeline of(String title, Instant start, List<AviCalls.Write> writes, List<Instant> statuses) {
        Instant end = statuses.stream().max(Instant::compareTo).orElse(start);
        for (AviCalls.Write write : writes) {
            end = write.at().isAfter(end) ? write.at() : end;
        }
        int seconds = (int) Duration.between(start, end).toSeconds() + 1;
        int[] writesPerSecond = new int[seconds];
        int[] statusesPerSecond = new int[seconds];
        writes.forEach(write -> writesPerSecond[second(start, write.at(), seconds)]++);
        statuses.forEach(at -> statusesPerSecond[second(start, at, seconds)]++);
        return new Timeline(title, writesPerSecond, statusesPerSecond);
    }

    private static int second(Instant start, Instant at, int seconds) {
        return (int) Math.max(0, Math.min(seconds - 1, Duration.between(start, at).toSeconds()));
    }

    String describe(int sessions, Duration latency) {
        StringBuilder text = new StringBuilder("Timeline of the cold sync of " + title
                + " (second: Avi writes / statuses / sessions busy):");
        for (int second = 0; second < writes.length; second++) {
            double busy = writes[second] * (double) latency.toMillis() / 1000.0;
            text.append(String.format(" %d: %d/%d/%.1f", second, writes[second], statuses[second], Math.min(busy, sessions)));
        }
        return text.toString();
    }
}
