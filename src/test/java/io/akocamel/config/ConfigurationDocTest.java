package io.akocamel.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/configuration.md is rendered from the settings catalogue and the Helm chart. After changing either, regenerate
 * it with {@value ConfigurationDoc#REGENERATE} and review the diff.
 */
class ConfigurationDocTest {

    @Test
    void configurationPageIsTheRenderedCatalogue() throws IOException {
        String rendered = ConfigurationDoc.render();
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(ConfigurationDoc.FILE, rendered);
        }

        assertThat(Files.readString(ConfigurationDoc.FILE))
                .as("%s is out of date; regenerate it with: %s", ConfigurationDoc.FILE, ConfigurationDoc.REGENERATE)
                .isEqualTo(rendered);
    }

    @Test
    void everySettingIsOnThePageWithItsEnvironmentNameAndDefault() throws IOException {
        String page = ConfigurationDoc.render();

        for (SettingKey key : SettingKey.values()) {
            assertThat(page).contains("| `" + key.path + "` | `" + key.env + "` | ");
        }
        assertThat(page).contains("| `akoCamel.workers` | `AKO_CAMEL_WORKERS` | — | `8` | a whole number from 1 to 256 |",
                "| `akoCamel.jmx.port` | `0` |", "| `AKOSettings.enableEVH` | `false` |");
    }
}
