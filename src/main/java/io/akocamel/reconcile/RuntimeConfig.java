package io.akocamel.reconcile;

import io.akocamel.config.Settings;
import io.fabric8.kubernetes.api.model.ConfigMap;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.function.Consumer;

/**
 * The settings AKO lets an operator change while it runs, through the {@code avi-k8s-config} ConfigMap:
 * {@code deleteConfig} (remove everything this cluster owns, or bring it back), {@code logLevel} and
 * {@code enableEvents} (Normal Events on or off; Warnings are always recorded).
 * Bean {@code akoRuntimeConfig}; the Kubernetes watch of the ConfigMap calls {@link #apply(ConfigMap)}.
 */
public class RuntimeConfig {
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeConfig.class);
    private static final String LOGGERS = "io.akocamel";

    private final Consumer<Boolean> normalEvents;
    private final DeleteConfigProgress deletion;
    private volatile boolean deleteConfig;
    private volatile String logLevel;
    private volatile boolean enableEvents;

    /** Without Events to switch (no cluster, tests). */
    public RuntimeConfig(Settings settings) {
        this(settings, enabled -> { }, DeleteConfigProgress.none());
    }

    /**
     * @param normalEvents told whether Normal Events are recorded, when {@code enableEvents} changes
     * @param deletion     told of deleteConfig at start and of its changes
     */
    public RuntimeConfig(Settings settings, Consumer<Boolean> normalEvents, DeleteConfigProgress deletion) {
        this.normalEvents = normalEvents;
        this.deletion = deletion;
        this.deleteConfig = settings.akoSettings().deleteConfig();
        deletion.changed(deleteConfig, true);
        this.logLevel = settings.akoSettings().logLevel();
        this.enableEvents = settings.akoSettings().enableEvents();
    }

    /** Sets the {@code io.akocamel} loggers to {@code AKOSettings.logLevel} (the whole controller, at start). */
    public static void applyLogLevel(Settings settings) {
        Level level = parse(settings.akoSettings().logLevel());
        if (level != null) {
            Configurator.setLevel(LOGGERS, level);
        }
    }

    public boolean deleteConfig() {
        return deleteConfig;
    }

    /** What the Pod and StatefulSet are told of deleteConfig's progress. */
    public DeleteConfigProgress deletion() {
        return deletion;
    }

    public String logLevel() {
        return logLevel;
    }

    public boolean enableEvents() {
        return enableEvents;
    }

    /** @return true when deleteConfig changed, so every shard must be reconciled again */
    public boolean apply(ConfigMap configMap) {
        Map<String, String> data = configMap == null || configMap.getData() == null ? Map.of() : configMap.getData();
        String level = data.getOrDefault("logLevel", logLevel).trim().toUpperCase();
        if (!level.equals(logLevel)) {
            setLogLevel(level);
        }
        boolean events = Boolean.parseBoolean(data.getOrDefault("enableEvents", String.valueOf(enableEvents)).trim());
        if (events != enableEvents) {
            enableEvents = events;
            normalEvents.accept(events);
            LOG.warn(events ? "enableEvents is true: Normal Events are recorded again"
                    : "enableEvents is false: Normal Events are no longer recorded; Warning Events still are");
        }
        boolean delete = Boolean.parseBoolean(data.getOrDefault("deleteConfig", String.valueOf(deleteConfig)).trim());
        if (delete == deleteConfig) {
            return false;
        }
        deleteConfig = delete;
        LOG.warn(delete ? "deleteConfig is true: every Avi object owned by this cluster will be deleted and Ingress statuses cleared"
                : "deleteConfig is false again: every Avi object will be recreated");
        deletion.changed(delete, false);
        return true;
    }

    public void setLogLevel(String level) {
        Level parsed = parse(level);
        if (parsed == null) {
            LOG.warn("avi-k8s-config logLevel '{}' is not one of DEBUG, INFO, WARN, ERROR; keeping {}", level, logLevel);
            return;
        }
        logLevel = parsed.name();
        Configurator.setLevel(LOGGERS, parsed);
        LOG.warn("log level of {} is now {}", LOGGERS, parsed);
    }

    private static Level parse(String level) {
        String name = level.trim().toUpperCase();
        return Level.getLevel(name.equals("WARNING") ? "WARN" : name);
    }
}
