package io.akocamel.bench;

import io.akocamel.ops.ControllerMXBean;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The controller end to end (issue 15): the real routes in-process against the embedded Kubernetes API and the Avi
 * simulator answering every call after {@code bench.latencyMs}; writes are counted at the simulator and compared with
 * the minimal writes ({@link AviState#writesTo}); the floor is minimal writes × latency ÷ sessions. Prints one
 * Markdown table per scenario ({@link BenchOptions} lists the scenarios and options; docs/benchmarks.md the results).
 */
final class EndToEndBenchmark implements Benchmarks.Benchmark {
    private static final Duration SETTLED = Duration.ofSeconds(1);
    private static final Duration FIRST_WRITE_TIMEOUT = Duration.ofSeconds(10);
    private static final List<String> CHANGE_KINDS = List.of("EndpointSlice scale", "path added", "Ingress created", "Ingress deleted");

    private final BenchOptions options;
    private final List<Timeline> timelines = new ArrayList<>();

    EndToEndBenchmark(BenchOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "end to end: real routes, embedded Kubernetes API, Avi simulator answering after " + options.latency().toMillis()
                + " ms, " + options.sessions() + " sessions (" + options.sessionsSetting() + ")";
    }

    @Override
    public void run() throws Exception {
        Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.WARN);
        Configurator.setAllLevels("io.akocamel", Level.toLevel(System.getProperty("bench.log", "WARN")));
        Percentiles avi = SimulatorCallCost.measure();
        Percentiles kubernetes = KubernetesCallCost.measure();
        System.out.printf(Locale.ROOT, "%s, %d cores, load average %.2f, max heap %d MiB; own cost per call, no latency: simulator"
                        + " p50 %.2f ms, p99 %.2f ms; Kubernetes mock p50 %.2f ms, p99 %.2f ms; latency injected %d ms per Avi call;"
                        + " %s=%d%n%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().maxMemory() >> 20,
                millis(avi.p(50)), millis(avi.p(99)), millis(kubernetes.p(50)), millis(kubernetes.p(99)), options.latency().toMillis(),
                options.sessionsSetting(), options.sessions());
        MarkdownTable cold = coldTable();
        for (int size : options.coldSizes()) {
            if (options.runs("cold") && !(size == options.ingresses() && options.runsOnCluster())) {
                try (BenchWorld world = new BenchWorld(options)) {
                    coldSync(world, size, cold);
                }
            }
        }
        if (options.runs("burst")) {
            burst();
        }
        if (!options.runsOnCluster()) {
            printCold(cold);
            return;
        }
        try (BenchWorld world = new BenchWorld(options)) {
            boolean counted = options.runs("cold") && options.coldSizes().contains(options.ingresses());
            coldSync(world, options.ingresses(), counted ? cold : coldTable());
            printCold(cold);
            onCluster(world);
        }
    }

    private static MarkdownTable coldTable() {
        return new MarkdownTable("Ingresses", "writes", "minimal writes", "writes/Ingress", "minimal/Ingress", "reads",
                "time to ready", "time to every status", "Ingresses/s", "floor", "× floor");
    }

    private void printCold(MarkdownTable cold) {
        if (options.runs("cold")) {
            print("Cold sync: N Ingresses present before start, until every one has its status", cold);
            timelines.forEach(timeline -> System.out.println(timeline.describe(options.sessions(), options.latency())));
        }
    }

    private void coldSync(BenchWorld world, int size, MarkdownTable table) throws Exception {
        BenchWorld.inParallel(size, i -> {
            world.cluster.createBackends(i);
            world.cluster.createIngress(i);
        });
        AviState before = world.aviState();
        world.calls.clear();
        Instant start = Instant.now();
        world.startController();
        Instant ready = world.awaitReady();
        Instant allStatus = world.awaitStatuses(size);
        world.awaitQuiet(SETTLED);
        int minimal = before.writesTo(world.aviState());
        noteRefusedWrites(world, "cold sync of " + size);
        Duration took = Duration.between(start, allStatus);
        table.row(size, world.calls.writeCount(), minimal, perItem(world.calls.writeCount(), size), perItem(minimal, size),
                world.calls.reads(), seconds(Duration.between(start, ready)), seconds(took), rate(size, took),
                seconds(floor(minimal)), timesFloor(took, minimal));
        timelines.add(Timeline.of(size + " Ingresses", start, world.calls.writes(), world.statusTimes()));
    }

    private void burst() throws Exception {
        int size = options.burstSize();
        MarkdownTable table = new MarkdownTable("Ingresses", "created at (asked)", "created at (achieved)", "writes", "minimal writes",
                "writes/Ingress", "minimal/Ingress", "time to every status", "Ingresses/s", "status lag after the last", "floor", "× floor");
        try (BenchWorld world = new BenchWorld(options)) {
            BenchWorld.inParallel(size, world.cluster::createBackends);
            world.startController();
            world.awaitReady();
            world.awaitQuiet(SETTLED);
            AviState before = world.aviState();
            world.calls.clear();
            Instant start = Instant.now();
            Instant created = createAtRate(world, size);
            Instant allStatus = world.awaitStatuses(size);
            world.awaitQuiet(SETTLED);
            int minimal = before.writesTo(world.aviState());
            noteRefusedWrites(world, "burst");
            Duration took = Duration.between(start, allStatus);
            table.row(size, options.burstRate() + "/s", rate(size, Duration.between(start, created)) + "/s", world.calls.writeCount(),
                    minimal, perItem(world.calls.writeCount(), size), perItem(minimal, size), seconds(took), rate(size, took),
                    seconds(Duration.between(created, allStatus)), seconds(floor(minimal)), timesFloor(took, minimal));
        }
        print("Burst: N Ingresses created at a steady rate while the controller runs, from the first creation to the last status",
                table);
    }

    /**
     * Creates Ingresses 0 ≤ i < size, each at start + i ÷ rate, on four threads so that one slow answer of the
     * Kubernetes mock does not delay the next creations: when the last creation was answered.
     */
    private Instant createAtRate(BenchWorld world, int size) throws InterruptedException {
        ScheduledExecutorService creators = Executors.newScheduledThreadPool(4);
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / options.burstRate();
        for (int i = 0; i < size; i++) {
            int ingress = i;
            creators.schedule(() -> world.cluster.createIngress(ingress), i * periodNanos, TimeUnit.NANOSECONDS);
        }
        creators.shutdown();
        if (!creators.awaitTermination(15, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the Ingresses were not all created in 15 minutes");
        }
        return Instant.now();
    }

    private void onCluster(BenchWorld world) throws Exception {
        int size = options.ingresses();
        world.awaitQuiet(SETTLED);
        if (options.runs("noop")) {
            noopFullSync(world, size);
        }
        if (options.runs("memory") || options.runs("restart")) {
            world.awaitQuiet(SETTLED);
            if (options.runs("memory")) {
                // the difference with and without the controller undercounted it (31 MiB where the controller alone holds
                // about 400 MiB at 5,000 Ingresses): its own figures come from a process of its own (docs/benchmarks.md)
                print("Memory at " + size + " Ingresses, after a forced GC, of the whole benchmark JVM (the controller, the simulator, "
                                + "the Kubernetes mock and the benchmark): an upper bound",
                        new MarkdownTable("Ingresses", "live heap", "process RSS").row(size, mib(liveHeap()), residentSetSize()));
            }
            restart(world, size);
        }
        if (options.runs("change")) {
            changes(world, size);
        }
    }

    private void noopFullSync(BenchWorld world, int size) {
        ControllerMXBean controller = world.management();
        String previous = controller.getLastFullSyncTime();
        world.calls.clear();
        Instant start = Instant.now();
        controller.triggerFullSync();
        BenchWorld.await("the full sync to finish", () -> !controller.getLastFullSyncTime().equals(previous));
        Duration took = Duration.between(start, Instant.now());
        world.awaitQuiet(SETTLED);
        print("No-op full sync over an unchanged cluster (writes must be 0)",
                new MarkdownTable("Ingresses", "writes", "reads", "duration (controller)", "duration (trigger to finished)")
                        .row(size, world.calls.writeCount(), world.calls.reads(),
                                String.format(Locale.ROOT, "%.2f s", controller.getLastFullSyncDurationSeconds()), seconds(took)));
    }

    private void restart(BenchWorld world, int size) throws Exception {
        world.stopController();
        world.calls.clear();
        Instant start = Instant.now();
        world.startController();
        Instant ready = world.awaitReady();
        world.awaitQuiet(SETTLED);
        if (options.runs("restart")) {
            print("Restart over an unchanged cluster (writes must be 0)",
                    new MarkdownTable("Ingresses", "writes", "reads", "time to ready", "time to the last Avi call")
                            .row(size, world.calls.writeCount(), world.calls.reads(), seconds(Duration.between(start, ready)),
                                    seconds(Duration.between(start, world.calls.lastCallAt()))));
        }
    }

    private void changes(BenchWorld world, int size) {
        int count = Math.min(options.changes(), size);
        Duration quiet = Duration.ofMillis(300).plus(options.latency().multipliedBy(4));
        Map<String, List<Duration>> latencies = new LinkedHashMap<>();
        Map<String, int[]> writes = new LinkedHashMap<>();
        CHANGE_KINDS.forEach(kind -> {
            latencies.put(kind, new ArrayList<>());
            writes.put(kind, new int[4]); // changes, writes, minimal writes, changes with writes beyond the minimal
        });
        AviState state = world.aviState();
        for (int k = 0; k < count; k++) {
            String kind = CHANGE_KINDS.get(k % CHANGE_KINDS.size());
            int i = (int) ((long) k * 7919 % size);
            int created = size + k;
            if (kind.equals("Ingress created")) {
                world.cluster.createBackends(created);
                world.awaitQuiet(quiet);
            }
            world.calls.clear();
            Instant start = Instant.now();
            switch (kind) {
                case "EndpointSlice scale" -> world.cluster.scaleUp(i);
                case "path added" -> world.cluster.addPath(i);
                case "Ingress created" -> world.cluster.createIngress(created);
                default -> world.cluster.deleteIngress(i);
            }
            BenchWorld.await("a write after the change", () -> world.calls.writeCount() > 0
                    || Instant.now().isAfter(start.plus(FIRST_WRITE_TIMEOUT)));
            BenchWorld.await("the change's writes to end", () -> world.calls.lastWriteAt()
                    .map(last -> last.isBefore(Instant.now().minus(quiet))).orElse(true));
            List<AviCalls.Write> made = world.calls.writes();
            AviState next = state.reread(world.avi, BenchWorld.CLOUD, made.stream().map(AviCalls.Write::object).distinct().toList());
            int minimal = state.writesTo(next);
            state = next;
            int[] tally = writes.get(kind);
            tally[0]++;
            tally[1] += made.size();
            tally[2] += minimal;
            tally[3] += made.size() > minimal ? 1 : 0;
            if (!made.isEmpty()) {
                latencies.get(kind).add(Duration.between(start, made.get(made.size() - 1).at()));
            }
        }
        MarkdownTable table = new MarkdownTable("change", "changes", "p50", "p99", "max", "writes/change", "minimal/change",
                "changes with extra writes", "changes without a write");
        List<Duration> all = new ArrayList<>();
        int[] total = new int[4];
        for (String kind : CHANGE_KINDS) {
            all.addAll(latencies.get(kind));
            int[] tally = writes.get(kind);
            for (int t = 0; t < total.length; t++) {
                total[t] += tally[t];
            }
            changeRow(table, kind, latencies.get(kind), tally);
        }
        changeRow(table, "all", all, total);
        print("Change latency at " + size + " Ingresses: " + count + " changes one after another, from the Kubernetes write to the "
                + "last Avi write of the change", table);
    }

    private static void changeRow(MarkdownTable table, String kind, List<Duration> latencies, int[] tally) {
        if (latencies.isEmpty()) {
            table.row(kind, tally[0], "-", "-", "-", perItem(tally[1], tally[0]), perItem(tally[2], tally[0]), tally[3], tally[0]);
            return;
        }
        Percentiles p = new Percentiles(latencies);
        table.row(kind, tally[0], ms(p.p(50)), ms(p.p(99)), ms(p.max()), perItem(tally[1], tally[0]), perItem(tally[2], tally[0]),
                tally[3], tally[0] - latencies.size());
    }

    /** Writes the simulator refused are counted as writes; they should not happen, so they are pointed out. */
    private static void noteRefusedWrites(BenchWorld world, String scenario) {
        long refused = world.calls.writes().stream().filter(write -> write.status() >= 400).count();
        if (refused > 0) {
            System.out.println("note: the simulator refused " + refused + " writes of the " + scenario + " (status 400 or more)");
        }
    }

    private Duration floor(int minimalWrites) {
        return options.latency().multipliedBy(minimalWrites).dividedBy(options.sessions());
    }

    private String timesFloor(Duration took, int minimalWrites) {
        Duration floor = floor(minimalWrites);
        return floor.isZero() ? "-" : String.format(Locale.ROOT, "%.1f×", took.toNanos() / (double) floor.toNanos());
    }

    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String residentSetSize() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmRSS:"))
                .map(line -> mib(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)).findFirst().orElse("-");
    }

    private static void print(String title, MarkdownTable table) {
        System.out.println("#### " + title + "\n\n" + table.render() + "\n");
    }

    private static String mib(long bytes) {
        return (bytes >> 20) + " MiB";
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }

    private static String ms(Duration duration) {
        return String.format(Locale.ROOT, "%.0f ms", millis(duration));
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toNanos() / 1e9);
    }

    private static String rate(int items, Duration took) {
        return String.format(Locale.ROOT, "%.0f", items / (took.toNanos() / 1e9));
    }

    private static String perItem(long count, int items) {
        return items == 0 ? "-" : String.format(Locale.ROOT, "%.2f", count / (double) items);
    }
}
