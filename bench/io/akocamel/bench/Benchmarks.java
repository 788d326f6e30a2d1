package io.akocamel.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs the benchmarks and prints their figures: {@code mvn -B -Pbench verify -DskipTests}; {@code -Dbench.scenarios=...}
 * chooses ({@link BenchOptions}). To add one, implement {@link Benchmark} and add it to {@link #all}.
 */
public final class Benchmarks {

    /** One benchmark: prints its own figures. */
    public interface Benchmark {
        String name();

        void run() throws Exception;
    }

    static Map<String, Benchmark> all(BenchOptions options) {
        return Map.of("model", new ModelBenchmark(), "ingestion", INGESTION, "end to end", new EndToEndBenchmark(options));
    }

    private static final Benchmark INGESTION = new Benchmark() {
        @Override
        public String name() {
            return "Kubernetes ingestion: " + IngestionBenchmark.EVENTS + " watch events over " + IngestionBenchmark.INGRESSES + " Ingresses";
        }

        @Override
        public void run() throws Exception {
            System.out.println(IngestionBenchmark.run(IngestionBenchmark.INGRESSES, IngestionBenchmark.EVENTS).summary());
        }
    };

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.fromSystemProperties();
        if (options.runs(BenchOptions.MANIFEST)) {
            Path file = Path.of("target", "bench-cluster-" + options.ingresses() + ".json");
            new BenchCluster(null).writeManifest(file, options.ingresses());
            System.out.println("== the cluster of " + options.ingresses() + " Ingresses as one List: " + file);
        }
        Map<String, Benchmark> all = all(options);
        for (String name : List.of("model", "ingestion", "end to end")) {
            if (name.equals("end to end") ? options.runsEndToEnd() : options.runs(name)) {
                System.out.println("== " + all.get(name).name());
                all.get(name).run();
            }
        }
    }
}
