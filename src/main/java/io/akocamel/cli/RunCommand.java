package io.akocamel.cli;

import io.akocamel.config.Settings;
import io.akocamel.config.SettingsLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** The controller itself, configured like AKO: values file, then AKO's environment variables. */
@Command(name = "run", description = "Run the controller against a Kubernetes cluster and an Avi Controller.")
public class RunCommand implements Callable<Integer> {
    @Option(names = "--values", description = "An AKO-style values.yaml.")
    Path values;

    @Override
    public Integer call() {
        Settings settings = SettingsLoader.fromValuesAndEnvironment(values, System.getenv());
        System.out.println("configuration loaded for cluster " + settings.akoSettings().clusterName()
                + "; the reconcile loop is not wired yet (issue 6)");
        return 0;
    }
}
