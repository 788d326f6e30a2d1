package io.akocamel.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** The one-command demo: embedded Kubernetes API + embedded Avi simulator + the manifests in examples/. */
@Command(name = "demo", description = "Run the controller against an embedded Kubernetes API and an embedded Avi Controller simulator.")
public class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.println("ako-camel demo: the reconcile loop is not wired yet (issue 6); try 'simulator --port 9443'.");
        return 0;
    }
}
