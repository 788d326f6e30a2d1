package io.akocamel.bench;

import java.util.List;

/**
 * Runs every benchmark and prints its figures: {@code mvn -B -Pbench verify -DskipTests}. To add one, implement
 * {@link Benchmark} and append it to {@link #ALL}.
 */
public final class Benchmarks {

    /** One benchmark: prints its own figures. */
    public interface Benchmark {
        String name();

        void run() throws Exception;
    }

    static final List<Benchmark> ALL = List.of(
            new ModelBenchmark(),
            new Benchmark() {
                @Override
                public String name() {
                    return "Kubernetes ingestion: " + IngestionBenchmark.EVENTS + " watch events over " + IngestionBenchmark.INGRESSES + " Ingresses";
                }

                @Override
                public void run() throws Exception {
                    System.out.println(IngestionBenchmark.run(IngestionBenchmark.INGRESSES, IngestionBenchmark.EVENTS).summary());
                }
            });

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        for (Benchmark benchmark : ALL) {
            System.out.println("== " + benchmark.name());
            benchmark.run();
        }
    }
}
