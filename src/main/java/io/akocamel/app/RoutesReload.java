package io.akocamel.app;

import io.akocamel.kube.PodEvents;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.BeanDefinition;
import org.apache.camel.model.ExpressionNode;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.language.MethodCallExpression;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Live reload of a routes directory ({@code akoCamel.routes.reload}): the files are read every {@code periodMillis}
 * and compared by content, so a Kubernetes ConfigMap volume, which changes by swapping its {@code ..data} symlink
 * rather than by writing the files, is seen as well as an edit in place. A change is first loaded into a scratch
 * Camel context, where the YAML must parse and the whole directory must keep the {@link RouteContract}; only then are
 * the changed files' routes replaced (each route stops gracefully: its in-flight exchange finishes; queued shard keys
 * stay in their queue). The beans behind the routes (Avi session, caches, cluster state) are untouched. A refused
 * change leaves the running routes as they were and is reported once: a log line and a Warning Event on the
 * controller's pod. See docs/routes.md.
 */
final class RoutesReload extends ServiceSupport {
    static final String FAILED_REASON = "RoutesReloadFailed";
    static final String RELOADED_REASON = "RoutesReloaded";
    private static final Logger LOG = LoggerFactory.getLogger(RoutesReload.class);
    private static final String SUFFIX = ".camel.yaml";

    private final CamelContext camel;
    private final Path directory;
    private final PodEvents podEvents;
    private final long periodMillis;
    private ScheduledExecutorService poller;
    /** The files the running routes were loaded from, by name. */
    private Map<String, String> running;
    /** The last contents seen, loaded or refused: a refused change is reported once, not at every poll. */
    private Map<String, String> seen;

    RoutesReload(CamelContext camel, Path directory, PodEvents podEvents, long periodMillis) {
        this.camel = camel;
        this.directory = directory.toAbsolutePath();
        this.podEvents = podEvents;
        this.periodMillis = periodMillis;
    }

    @Override
    protected void doStart() {
        running = read();
        seen = running;
        poller = camel.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "routes-reload");
        poller.scheduleWithFixedDelay(this::poll, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        LOG.info("Reloading routes from {} when its *{} files change", directory, SUFFIX);
    }

    @Override
    protected void doStop() {
        if (poller != null) {
            camel.getExecutorServiceManager().shutdownNow(poller);
        }
    }

    private void poll() {
        Map<String, String> files;
        try {
            files = read();
        } catch (UncheckedIOException e) {
            LOG.debug("routes directory {} not readable now (a ConfigMap update in progress?): {}", directory, e.getMessage());
            return;
        }
        if (files.equals(seen)) {
            return;
        }
        seen = files;
        if (files.equals(running)) {
            LOG.info("The routes in {} are back to the running ones", directory);
            return;
        }
        String what = String.join(", ", changed(running, files, true));
        try {
            check(files);
            replace(files);
            running = files;
            String message = "Routes reloaded from " + directory + ": " + what;
            LOG.info(message);
            podEvents.normal(RELOADED_REASON, message);
        } catch (Exception e) {
            String message = "The routes in " + directory + " were not reloaded (" + what + "), the running routes stay: " + reason(e)
                    + ". Fix the file (docs/routes.md: the route-file contract) and save it again.";
            LOG.error(message);
            podEvents.warning(FAILED_REASON, message);
        }
    }

    /** The whole directory, as it would be after the change, in a context that is never started. */
    private void check(Map<String, String> files) throws Exception {
        try (DefaultCamelContext scratch = new DefaultCamelContext(false)) {
            scratch.disableJMX();
            scratch.build();
            PluginHelper.getRoutesLoader(scratch).loadRoutes(resources(files, files.keySet()));
            RouteContract.check(scratch, directory.toString());
            checkBeans(scratch);
        }
    }

    /** Every bean a step or a method expression names is in the running registry (the scratch context cannot tell). */
    private void checkBeans(DefaultCamelContext scratch) {
        List<String> missing = new ArrayList<>();
        for (RouteDefinition route : scratch.getRouteDefinitions()) {
            List<String> refs = new ArrayList<>();
            ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(), BeanDefinition.class).forEach(b -> refs.add(b.getRef()));
            ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(), ExpressionNode.class).stream()
                    .map(ExpressionNode::getExpression).filter(MethodCallExpression.class::isInstance)
                    .forEach(e -> refs.add(((MethodCallExpression) e).getRef()));
            refs.stream().filter(ref -> ref != null && camel.getRegistry().lookupByName(ref) == null).distinct()
                    .forEach(ref -> missing.add("route " + route.getRouteId() + " names bean '" + ref + "', which does not exist"));
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(String.join("; ", missing));
        }
    }

    private void replace(Map<String, String> files) throws Exception {
        List<String> changed = changed(running, files, false);
        try {
            update(files, changed);
        } catch (Exception e) {
            // a route that parsed but did not start (e.g. an unknown bean): the files' previous routes come back
            update(running, changed);
            throw e;
        }
    }

    /** Replaces the routes of the named files with their content in {@code files} (none for a file not in it). */
    private void update(Map<String, String> files, List<String> names) throws Exception {
        List<String> present = names.stream().filter(files::containsKey).toList();
        Set<String> ids = PluginHelper.getRoutesLoader(camel).updateRoutes(resources(files, present));
        for (String name : names) {
            String location = location(name);
            for (Route route : List.copyOf(camel.getRoutes())) {
                Resource source = route.getSourceResource();
                if (source != null && location.equals(source.getLocation()) && !ids.contains(route.getRouteId())) {
                    camel.getRouteController().stopRoute(route.getRouteId());
                    camel.removeRoute(route.getRouteId());
                }
            }
        }
    }

    /** Names of the files added, changed or removed between two readings (with a word for the log when described). */
    private static List<String> changed(Map<String, String> before, Map<String, String> after, boolean described) {
        TreeMap<String, String> names = new TreeMap<>();
        after.forEach((name, content) -> {
            if (!before.containsKey(name)) {
                names.put(name, name + " (added)");
            } else if (!before.get(name).equals(content)) {
                names.put(name, name);
            }
        });
        before.keySet().stream().filter(name -> !after.containsKey(name)).forEach(name -> names.put(name, name + " (removed)"));
        return List.copyOf(described ? names.values() : names.keySet());
    }

    private List<Resource> resources(Map<String, String> files, Iterable<String> names) {
        List<Resource> resources = new ArrayList<>();
        names.forEach(name -> resources.add(ResourceHelper.fromString(location(name), files.get(name))));
        return resources;
    }

    private String location(String name) {
        return "file:" + directory.resolve(name);
    }

    /** The {@code *.camel.yaml} files by name; a ConfigMap volume's entries are symlinks through {@code ..data}. */
    private Map<String, String> read() {
        try (Stream<Path> entries = Files.list(directory)) {
            Map<String, String> files = new TreeMap<>();
            for (Path path : entries.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).toList()) {
                files.put(path.getFileName().toString(), Files.readString(path));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String reason(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return text.toString().replaceAll("\\s*\\n\\s*", " ");
    }
}
