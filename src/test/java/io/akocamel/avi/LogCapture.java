package io.akocamel.avi;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every log4j2 event while open (message and full stack trace), optionally with some loggers turned up. */
public final class LogCapture implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Map<String, Level> previousLevels = new ConcurrentHashMap<>();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final AbstractAppender appender;

    public LogCapture(Map<String, Level> levels) {
        appender = new AbstractAppender("capture-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder line = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + " - "
                        + event.getMessage().getFormattedMessage());
                if (event.getThrown() != null) {
                    StringWriter trace = new StringWriter();
                    event.getThrown().printStackTrace(new PrintWriter(trace));
                    line.append('\n').append(trace);
                }
                lines.add(line.toString());
            }
        };
        appender.start();
        Configuration config = context.getConfiguration();
        config.addAppender(appender);
        levels.forEach((logger, level) -> {
            previousLevels.put(logger, config.getLoggerConfig(logger).getLevel());
            org.apache.logging.log4j.core.config.Configurator.setLevel(logger, level);
        });
        config.getRootLogger().addAppender(appender, Level.ALL, null);
        config.getLoggers().values().forEach(logger -> {
            if (!logger.isAdditive()) {
                logger.addAppender(appender, Level.ALL, null);
            }
        });
        context.updateLoggers();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public String text() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        Configuration config = context.getConfiguration();
        config.getRootLogger().removeAppender(appender.getName());
        config.getLoggers().values().forEach(logger -> logger.removeAppender(appender.getName()));
        previousLevels.forEach(org.apache.logging.log4j.core.config.Configurator::setLevel);
        context.updateLoggers();
        appender.stop();
    }
}
