package io.akocamel.ops;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code akoCamel.logFormat}: {@code text} or {@code json}. log4j2.xml defines both console appenders ({@value #TEXT}
 * and {@value #JSON}, ECS JSON one object a line); this moves the loggers that write to one over to the other.
 */
public final class LogFormat {
    static final String TEXT = "console";
    static final String JSON = "console-json";
    private static final Logger LOG = LoggerFactory.getLogger(LogFormat.class);

    private LogFormat() {
    }

    /** Switches every logger to the appender of {@code format} ({@code text} or {@code json}). */
    public static synchronized void apply(String format) {
        boolean json = "json".equalsIgnoreCase(format);
        String from = json ? TEXT : JSON;
        String to = json ? JSON : TEXT;
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        Appender target = config.getAppender(to);
        if (target == null) {
            LOG.warn("akoCamel.logFormat {}: the log4j2 configuration has no appender '{}'; the log format stays as it is", format, to);
            return;
        }
        List<LoggerConfig> loggers = new ArrayList<>(config.getLoggers().values());
        loggers.add(config.getRootLogger());
        boolean changed = false;
        for (LoggerConfig logger : loggers) {
            if (logger.getAppenders().containsKey(from)) {
                logger.removeAppender(from);
                logger.addAppender(target, null, null);
                changed = true;
            }
        }
        if (changed) {
            context.updateLoggers();
            LOG.info("log format is now {}", json ? "json" : "text");
        }
    }

    /** The format the root logger writes in now. */
    public static String current() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        return context.getConfiguration().getRootLogger().getAppenders().containsKey(JSON) ? "json" : "text";
    }
}
