package io.akocamel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akocamel.app.ControllerApp;
import io.akocamel.app.RouteContract;
import io.akocamel.avi.AviInventory;
import io.akocamel.avi.AviOperation;
import io.akocamel.avi.InventoryLoader;
import io.akocamel.avi.Plan;
import io.akocamel.avi.Planner;
import io.akocamel.config.Settings;
import io.akocamel.config.SettingsLoader;
import io.akocamel.model.AviObject;
import io.akocamel.model.ClusterSnapshot;
import io.akocamel.model.ModelBuilder;
import io.akocamel.model.ModelWarning;
import io.akocamel.model.ShardModel;
import io.akocamel.preflight.PreflightResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.apache.camel.ProducerTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code plan --values FILE -f DIR_OR_FILE [--controller]}: the Avi objects a set of manifests produces (offline, as
 * JSON), or with {@code --controller} the POST/PUT/DELETE plan against the live controller, never applied.
 */
@Command(name = "plan", description = "Print the Avi objects manifests produce, or the write plan against a controller (nothing is applied).")
public class PlanCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--values", description = "An AKO-style values.yaml.")
    Path values;

    @Option(names = {"-f", "--filename"}, required = true, description = "A manifest file, or a directory of *.yaml / *.json manifests.")
    Path manifests;

    @Option(names = "--controller", description = "Compare with what the controller holds and print the writes it would take.")
    boolean controller;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SettingsLoader loader = SettingsLoader.defaults();
        if (values != null) {
            loader.valuesFile(values);
        }
        if (!controller) {
            loader.override("ControllerSettings.controllerHost", "");
        }
        Settings settings = loader.environment(System.getenv()).load();
        ClusterSnapshot cluster = ClusterSnapshot.of(settings, load(manifests));
        List<ShardModel> shards = new ModelBuilder().buildAll(cluster, settings);
        cluster.customResources().forEach(resource -> err.println("note: " + resource + " is taken as Accepted: plan does not look up "
                + "the Avi objects it names (the controller does, and rejects it when one is missing)"));
        cluster.admissionProblems().forEach((ingress, problems) -> problems.forEach(
                problem -> err.println("warning: " + problem.reason() + " " + ingress + ": " + problem.message())));
        for (ShardModel shard : shards) {
            for (ModelWarning warning : shard.warnings()) {
                err.println("warning: " + warning);
            }
        }
        if (controller) {
            printPlan(settings, shards, out);
        } else {
            printObjects(shards, out);
        }
        out.flush();
        err.flush();
        return 0;
    }

    static List<HasMetadata> load(Path path) throws IOException {
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> listing = Files.list(path)) {
                files = listing.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml") || p.toString().endsWith(".json"))
                        .filter(p -> !p.getFileName().toString().startsWith("values")).sorted().toList();
            }
        } else {
            files = List.of(path);
        }
        List<HasMetadata> objects = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                Object parsed = Serialization.unmarshal(in);
                if (parsed instanceof List<?> list) {
                    list.stream().filter(HasMetadata.class::isInstance).map(HasMetadata.class::cast).forEach(objects::add);
                } else if (parsed instanceof HasMetadata object) {
                    objects.add(object);
                }
            }
        }
        return objects;
    }

    private static void printObjects(List<ShardModel> shards, PrintWriter out) throws IOException {
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        for (ShardModel shard : shards) {
            for (AviObject object : shard.objects()) {
                ObjectNode entry = all.addObject();
                entry.put("shard", shard.vsName());
                entry.put("type", object.type().path());
                entry.set("body", redacted(object));
            }
        }
        out.println(JSON.writeValueAsString(all));
    }

    /** Private keys of certificates are shown as a placeholder: a plan is for reading, not for leaking keys. */
    private static ObjectNode redacted(AviObject object) {
        ObjectNode body = object.body().deepCopy();
        if (body.has("key")) {
            body.put("key", "<redacted private key>");
        }
        return body;
    }

    private static void printPlan(Settings settings, List<ShardModel> shards, PrintWriter out) throws Exception {
        ControllerApp app = ControllerApp.builder(settings)
                .routeFiles("avi-error-policy.camel.yaml", "avi-delivery.camel.yaml", "preflight.camel.yaml")
                .property("preflight.initialDelayMillis", String.valueOf(Integer.MAX_VALUE))
                .property("camel.main.name", "ako-camel-plan")
                .start();
        try {
            ProducerTemplate template = app.context().createProducerTemplate();
            PreflightResult preflight = template.requestBody(RouteContract.AVI_PREFLIGHT, null, PreflightResult.class);
            preflight.facts().describe().forEach(line -> out.println("# " + line));
            preflight.problems().forEach(problem -> out.println("# PROBLEM: " + problem));
            InventoryLoader.LoadSummary summary = template.requestBody(RouteContract.AVI_INVENTORY_LOAD, null, InventoryLoader.LoadSummary.class);
            AviInventory inventory = app.components().inventory();
            Planner planner = app.components().planner();
            out.println("# controller " + settings.controllerSettings().controllerUri() + ": " + summary.objects()
                    + " objects owned by cluster " + settings.akoSettings().clusterName() + (summary.complete() ? "" : " (incomplete read)"));
            int writes = 0;
            for (ShardModel shard : shards) {
                Plan plan = planner.plan(shard.vsName(), shard.objects(), inventory, summary.complete());
                for (AviOperation op : plan.operations()) {
                    out.println(op.method() + " " + op.type().path() + " " + op.name() + "   (shard " + shard.vsName() + ")");
                    writes++;
                }
                plan.conflicts().forEach(c -> out.println("CONFLICT " + c.key() + ": " + c.reason()));
            }
            out.println("# " + writes + " writes; nothing was applied");
        } finally {
            app.close();
        }
    }
}
