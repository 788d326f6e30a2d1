package io.akocamel.cli;

import io.akocamel.config.SettingsException;
import picocli.CommandLine;

import java.io.PrintWriter;
import picocli.CommandLine.Command;

/**
 * {@code java -jar target/ako-camel.jar [demo|run|plan|simulator|kubernetes]}; no command means {@code demo}.
 * Exit codes: 0 ok, 1 runtime failure, 2 configuration or usage error.
 */
@Command(name = "ako-camel", mixinStandardHelpOptions = true, version = "ako-camel 0.1.0",
        description = "Kubernetes Ingress controller for the Avi Controller, built as Apache Camel routes.",
        subcommands = {DemoCommand.class, RunCommand.class, PlanCommand.class, SimulatorCommand.class, KubernetesCommand.class})
public class AkoCamel implements java.util.concurrent.Callable<Integer> {
    public static final int CONFIG_ERROR = 2;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new AkoCamel()).setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof SettingsException se) {
                commandLine.getErr().println(se.getMessage());
                commandLine.getErr().flush();
                return CONFIG_ERROR;
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        return new DemoCommand().call();
    }
}
