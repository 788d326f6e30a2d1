package io.akocamel.reconcile;

import io.akocamel.config.Settings;
import io.fabric8.kubernetes.api.model.ConfigMap;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The settings AKO lets an operator change while it runs, through the {@code avi-k8s-config} ConfigMap:
 * {@code deleteConfig} (remove everything this cluster owns, or bring it back) and {@code logLevel}.
 * Bean {@code akoRuntimeConfig}; the Kubernetes watch of the ConfigMap calls {@link #apply(ConfigMap)}.
 */
public class RuntimeConfig {
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeConfig.class);

    private volatile boolean deleteConfig;
    private volatile String logLevel;

    public RuntimeConfig(Settings settings) {
        this.deleteConfig = settings.akoSettings().deleteConfig();
        this.logLevel = settings.akoSettings().logLevel();
    }

    public boolean deleteConfig() {
        return deleteConfig;
    }

    public String logLevel() {
        return logLevel;
    }

    /** @return true when deleteConfig changed, so every shard must be reconciled again */
    public boolean apply(ConfigMap configMap) {
        Map<String, String> data = configMap == null || configMap.getData() == null ? Map.of() : configMap.getData();
        String level = data.getOrDefault("logLevel", logLevel).trim().toUpperCase();
        if (!level.equals(logLevel)) {
            setLogLevel(level);
        }
        boolean delete = Boolean.parseBoolean(data.getOrDefault("deleteConfig", String.valueOf(deleteConfig)).trim());
        if (delete == deleteConfig) {
            return false;
        }
        deleteConfig = delete;
        LOG.warn(delete ? "deleteConfig is true: every Avi object owned by this cluster will be deleted and Ingress statuses cleared"
                : "deleteConfig is false again: every Avi object will be recreated");
        return true;
    }

    public void setLogLevel(String level) {
        Level parsed = Level.getLevel(level.equals("WARNING") ? "WARN" : level);
        if (parsed == null) {
            LOG.warn("avi-k8s-config logLevel '{}' is not one of DEBUG, INFO, WARN, ERROR; keeping {}", level, logLevel);
            return;
        }
        logLevel = parsed.name();
        Configurator.setLevel("io.akocamel", parsed);
        LOG.warn("log level of io.akocamel is now {}", parsed);
    }
}
