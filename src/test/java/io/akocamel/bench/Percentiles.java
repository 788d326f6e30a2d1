package io.akocamel.bench;

import java.time.Duration;
import java.util.List;

/** Nearest-rank percentiles of measured durations: p of n samples is the ⌈p/100 × n⌉-th smallest. */
final class Percentiles {
    private final List<Duration> sorted;

    Percentiles(List<Duration> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        this.sorted = samples.stream().sorted().toList();
    }

    Duration p(double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percentile must be within (0, 100]: " + percent);
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    Duration max() {
        return sorted.get(sorted.size() - 1);
    }
}
