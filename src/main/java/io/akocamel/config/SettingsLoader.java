package io.akocamel.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.akocamel.config.Settings.AkoCamelSettings;
import io.akocamel.config.Settings.BrakeLimits;
import io.akocamel.config.Settings.AkoSettings;
import io.akocamel.config.Settings.AviCredentials;
import io.akocamel.config.Settings.ControllerSettings;
import io.akocamel.config.Settings.L7Settings;
import io.akocamel.config.Settings.NamespaceSelector;
import io.akocamel.config.Settings.NetworkSettings;
import io.akocamel.config.Settings.NodeNetwork;
import io.akocamel.config.Settings.NodePortSelector;
import io.akocamel.config.Settings.Retry;
import io.akocamel.config.Settings.VipNetwork;
import io.akocamel.util.Cidr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Builds {@link Settings} from AKO's sources: defaults, an AKO {@code values.yaml}, the {@code avi-k8s-config}
 * ConfigMap keys, AKO's environment variable names, and command-line overrides (later wins). Every invalid value is
 * collected and reported at once in a {@link SettingsException}.
 */
public final class SettingsLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CLUSTER_NAME = Pattern.compile("^[a-zA-Z0-9-_]*$");
    private static final Pattern VERSION = Pattern.compile("^\\d+\\.\\d+\\.\\d+$");
    private static final Pattern HOST = Pattern.compile("^(\\[[0-9a-fA-F:.]+]|[a-zA-Z0-9]([a-zA-Z0-9-.]*[a-zA-Z0-9])?)(:\\d{1,5})?$");

    private final Map<SettingKey, JsonNode> raw = new EnumMap<>(SettingKey.class);
    private final List<String> problems = new ArrayList<>();

    private SettingsLoader() {
        for (SettingKey key : SettingKey.values()) {
            raw.put(key, JsonNodeFactory.instance.textNode(key.defaultValue));
        }
    }

    /** Only defaults: what an empty values file gives. */
    public static SettingsLoader defaults() {
        return new SettingsLoader();
    }

    /** Reads an AKO values.yaml; keys we do not know are ignored (AKO's chart has many we do not use). */
    public SettingsLoader valuesFile(Path file) {
        try {
            return values(Files.readString(file));
        } catch (IOException e) {
            throw new SettingsException(List.of("--values " + file + ": cannot read the file (" + e.getMessage() + ")"));
        }
    }

    public SettingsLoader values(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new SettingsException(List.of("values file is not valid YAML" + where + ": " + e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return this;
        }
        for (SettingKey key : SettingKey.values()) {
            JsonNode node = root;
            for (String element : key.pathElements()) {
                node = node.path(element);
            }
            if (!node.isMissingNode() && !node.isNull()) {
                raw.put(key, node);
            }
        }
        return this;
    }

    /** AKO's ConfigMap {@code avi-k8s-config}: every value is a string, lists are JSON. */
    public SettingsLoader configMap(Map<String, String> data) {
        for (SettingKey key : SettingKey.values()) {
            if (key.configMapKey != null && data.containsKey(key.configMapKey)) {
                raw.put(key, JsonNodeFactory.instance.textNode(data.get(key.configMapKey)));
            }
        }
        return this;
    }

    /**
     * The {@code avi-secret} Secret's data (values already base64-decoded): {@code username}, {@code password},
     * {@code authtoken}, {@code certificateAuthorityData}, as AKO's chart writes it.
     */
    public SettingsLoader aviSecret(Map<String, String> data) {
        Map<String, SettingKey> keys = Map.of("username", SettingKey.USERNAME, "password", SettingKey.PASSWORD,
                "authtoken", SettingKey.AUTHTOKEN, "certificateAuthorityData", SettingKey.CA_DATA);
        keys.forEach((name, key) -> {
            String value = data.get(name);
            if (value != null && !value.isEmpty()) {
                raw.put(key, JsonNodeFactory.instance.textNode(value));
            }
        });
        return this;
    }

    /** Environment variables with AKO's names ({@code CLUSTER_NAME}, {@code VIP_NETWORK_LIST}, ...); empty ones are ignored. */
    public SettingsLoader environment(Map<String, String> env) {
        for (SettingKey key : SettingKey.values()) {
            String value = env.get(key.env);
            if (value != null && !value.isEmpty()) {
                raw.put(key, JsonNodeFactory.instance.textNode(value));
            }
        }
        return this;
    }

    /** Overrides by values path, e.g. {@code ControllerSettings.controllerHost}; used by the command line and tests. */
    public SettingsLoader override(String path, String value) {
        SettingKey key = Arrays.stream(SettingKey.values()).filter(k -> k.path.equals(path)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown setting " + path));
        raw.put(key, JsonNodeFactory.instance.textNode(value));
        return this;
    }

    /** Validates everything and builds the settings, or throws one exception listing every problem. */
    public Settings load() {
        problems.clear();
        var ako = new AkoSettings(
                clusterName(),
                bool(SettingKey.LAYER7_ONLY),
                integer(SettingKey.FULL_SYNC_FREQUENCY),
                oneOf(SettingKey.LOG_LEVEL, s -> s.toUpperCase()),
                bool(SettingKey.DELETE_CONFIG),
                bool(SettingKey.DISABLE_STATIC_ROUTE_SYNC),
                oneOf(SettingKey.CNI_PLUGIN, s -> s.toLowerCase()),
                new NamespaceSelector(text(SettingKey.NS_LABEL_KEY), text(SettingKey.NS_LABEL_VALUE)),
                stringList(SettingKey.BLOCKED_NAMESPACES),
                integer(SettingKey.API_SERVER_PORT),
                bool(SettingKey.ENABLE_EVENTS));
        var network = new NetworkSettings(vipNetworks(), nodeNetworks(), text(SettingKey.DEFAULT_DOMAIN));
        var l7 = new L7Settings(
                enumValue(SettingKey.SERVICE_TYPE, ServiceType.class, ServiceType.ClusterIP),
                enumValue(SettingKey.SHARD_VS_SIZE, ShardSize.class, ShardSize.LARGE),
                bool(SettingKey.DEFAULT_ING_CONTROLLER),
                enumValue(SettingKey.PASSTHROUGH_SHARD_SIZE, ShardSize.class, ShardSize.SMALL),
                bool(SettingKey.NO_PG_FOR_SNI));
        var controller = new ControllerSettings(
                controllerHost(),
                controllerVersion(),
                nonEmpty(SettingKey.CLOUD_NAME),
                nonEmpty(SettingKey.SE_GROUP),
                nonEmpty(SettingKey.TENANT_NAME),
                text(SettingKey.VRF_NAME));
        var credentials = credentials(controller.controllerHost());
        var nodePort = new NodePortSelector(text(SettingKey.NODE_KEY), text(SettingKey.NODE_VALUE));
        var camel = new AkoCamelSettings(
                bool(SettingKey.INSECURE),
                bool(SettingKey.LEGACY_CLASS_ANNOTATION),
                nonEmpty(SettingKey.INGRESS_CLASS_NAME),
                integer(SettingKey.WORKERS),
                integer(SettingKey.AVI_SESSIONS),
                Duration.ofMillis(integer(SettingKey.DEBOUNCE_MILLIS)),
                Duration.ofMillis(Math.max(integer(SettingKey.DEBOUNCE_MILLIS), integer(SettingKey.MAX_DEBOUNCE_MILLIS))),
                Duration.ofSeconds(integer(SettingKey.CALL_TIMEOUT_SECONDS)),
                new Retry(
                        Duration.ofMillis(integer(SettingKey.RETRY_INITIAL_MILLIS)),
                        Duration.ofMillis(integer(SettingKey.RETRY_MAX_MILLIS)),
                        integer(SettingKey.RETRY_MAX_ATTEMPTS),
                        Duration.ofSeconds(integer(SettingKey.RETRY_SLOW_SECONDS))),
                Duration.ofSeconds(integer(SettingKey.RESYNC_SECONDS)),
                oneOf(SettingKey.LOG_FORMAT, s -> s.toLowerCase()),
                new BrakeLimits(fraction(SettingKey.BRAKE_MAX_SHARE), integer(SettingKey.BRAKE_MIN_OBJECTS)),
                leaderElection(),
                bool(SettingKey.REQUIRE_DNS_PROFILE),
                bool(SettingKey.ROUTES_RELOAD));
        if (!problems.isEmpty()) {
            throw new SettingsException(problems);
        }
        return new Settings(ako, network, l7, controller, credentials, nodePort, camel);
    }

    // ---- typed readers; each records a problem and returns a harmless value when the input is wrong ----

    private String text(SettingKey key) {
        JsonNode node = raw.get(key);
        if (node.isValueNode()) {
            return node.asText().trim();
        }
        problem(key, node, "a single value, not a list or a map");
        return "";
    }

    private String nonEmpty(SettingKey key) {
        String value = text(key);
        if (value.isEmpty() && raw.get(key).isValueNode()) {
            problem(key, value, key.allowed.text() + " (default '" + key.defaultValue + "')");
        }
        return value;
    }

    private boolean bool(SettingKey key) {
        String value = text(key);
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (!value.equalsIgnoreCase("false")) {
            problem(key, value, key.allowed.text());
        }
        return false;
    }

    private int integer(SettingKey key) {
        String value = text(key);
        int min = key.allowed.min();
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= key.allowed.max()) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problem(key, value, key.allowed.text());
        return min;
    }

    private double fraction(SettingKey key) {
        String value = text(key);
        try {
            double share = Double.parseDouble(value);
            if (share >= 0 && share <= 1) {
                return share;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problem(key, value, key.allowed.text());
        return Double.parseDouble(key.defaultValue);
    }

    private static final Pattern DURATION = Pattern.compile("([1-9]\\d{0,8})(ms|s|m)");

    /** {@code 15s}, {@code 1500ms}, {@code 1m}: the forms client-go's leader election settings are written in. */
    private Duration duration(SettingKey key) {
        String value = text(key);
        return parseDuration(value).orElseGet(() -> {
            problem(key, value, key.allowed.text());
            return parseDuration(key.defaultValue).orElseThrow();
        });
    }

    static Optional<Duration> parseDuration(String value) {
        var matcher = DURATION.matcher(value);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        return Optional.of(switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        });
    }

    /** The election timings; as in client-go, each must be shorter than the one before. */
    private Settings.LeaderElection leaderElection() {
        var timing = new Settings.LeaderElection(duration(SettingKey.LEASE_DURATION), duration(SettingKey.RENEW_DEADLINE),
                duration(SettingKey.RETRY_PERIOD));
        if (timing.renewDeadline().compareTo(timing.leaseDuration()) >= 0) {
            problem(SettingKey.RENEW_DEADLINE, text(SettingKey.RENEW_DEADLINE), "a duration shorter than "
                    + SettingKey.LEASE_DURATION.path + " (" + text(SettingKey.LEASE_DURATION) + ")");
        }
        if (timing.retryPeriod().compareTo(timing.renewDeadline()) >= 0) {
            problem(SettingKey.RETRY_PERIOD, text(SettingKey.RETRY_PERIOD), "a duration shorter than "
                    + SettingKey.RENEW_DEADLINE.path + " (" + text(SettingKey.RENEW_DEADLINE) + ")");
        }
        return timing;
    }

    private String oneOf(SettingKey key, Function<String, String> normalise) {
        String value = normalise.apply(text(key));
        if (!key.allowed.values().contains(value)) {
            problem(key, text(key), key.allowed.text());
        }
        return value;
    }

    private <E extends Enum<E>> E enumValue(SettingKey key, Class<E> type, E fallback) {
        String value = text(key);
        if (key.allowed.values().contains(value)) {
            return Enum.valueOf(type, value);
        }
        problem(key, value, key.allowed.text());
        return fallback;
    }

    private String clusterName() {
        String value = text(SettingKey.CLUSTER_NAME);
        if (value.isEmpty() || !CLUSTER_NAME.matcher(value).matches()) {
            problem(SettingKey.CLUSTER_NAME, value, SettingKey.CLUSTER_NAME.allowed.text());
        }
        return value;
    }

    private String controllerHost() {
        String value = text(SettingKey.CONTROLLER_HOST);
        if (value.isEmpty()) {
            return value;
        }
        String hostPart = value;
        int scheme = value.indexOf("://");
        if (scheme >= 0) {
            String proto = value.substring(0, scheme);
            hostPart = value.substring(scheme + 3).replaceAll("/+$", "");
            if (!proto.equals("https") && !proto.equals("http")) {
                hostPart = "";
            }
        }
        if (!HOST.matcher(hostPart).matches() || !validPort(hostPart)) {
            problem(SettingKey.CONTROLLER_HOST, value, SettingKey.CONTROLLER_HOST.allowed.text());
        }
        return value;
    }

    private static boolean validPort(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0 || hostPort.endsWith("]")) {
            return true;
        }
        int port = Integer.parseInt(hostPort.substring(colon + 1));
        return port >= 1 && port <= 65535;
    }

    private String controllerVersion() {
        String value = text(SettingKey.CONTROLLER_VERSION);
        if (!value.isEmpty() && !VERSION.matcher(value).matches()) {
            problem(SettingKey.CONTROLLER_VERSION, value, SettingKey.CONTROLLER_VERSION.allowed.text());
        }
        return value;
    }

    private AviCredentials credentials(String controllerHost) {
        String username = text(SettingKey.USERNAME);
        SecretValue password = SecretValue.of(text(SettingKey.PASSWORD));
        SecretValue token = SecretValue.of(text(SettingKey.AUTHTOKEN));
        if (!controllerHost.isEmpty()) {
            if (username.isEmpty()) {
                problems.add("avicredentials.username: is empty; set the Avi user name (values avicredentials.username, "
                        + "env AVI_USERNAME, or the avi-secret Secret)");
            }
            if (password.isEmpty() && token.isEmpty()) {
                problems.add("avicredentials.password: neither a password nor an authtoken is set; set one of them "
                        + "(env AVI_PASSWORD or AVI_AUTHTOKEN, or the avi-secret Secret)");
            }
        }
        return new AviCredentials(username, password, token, text(SettingKey.CA_DATA));
    }

    private List<VipNetwork> vipNetworks() {
        JsonNode list = jsonList(SettingKey.VIP_NETWORK_LIST);
        List<VipNetwork> networks = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String where = SettingKey.VIP_NETWORK_LIST.path + "[" + i + "]";
            VipNetwork network = new VipNetwork(item.path("networkName").asText(""), item.path("networkUUID").asText(""),
                    item.path("cidr").asText(""), item.path("v6cidr").asText(""));
            if (network.networkName().isEmpty() && network.networkUUID().isEmpty()) {
                problems.add(where + ": " + item + " has neither networkName nor networkUUID; give one of them");
            }
            if (!network.cidr().isEmpty() && !validCidr(network.cidr(), false)) {
                problems.add(where + ".cidr: '" + network.cidr() + "' is not allowed; use an IPv4 CIDR such as 10.10.10.0/24");
            }
            if (!network.v6cidr().isEmpty() && !validCidr(network.v6cidr(), true)) {
                problems.add(where + ".v6cidr: '" + network.v6cidr() + "' is not allowed; use an IPv6 CIDR such as fd00:10::/64");
            }
            networks.add(network);
        }
        if (networks.isEmpty() && !list.isMissingNode()) {
            problem(SettingKey.VIP_NETWORK_LIST, list.toString(),
                    "at least one network for L7 virtual services, e.g. [{networkName: vip-net, cidr: 10.10.10.0/24}]");
        }
        return List.copyOf(networks);
    }

    private List<NodeNetwork> nodeNetworks() {
        JsonNode list = jsonList(SettingKey.NODE_NETWORK_LIST);
        List<NodeNetwork> networks = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            List<String> cidrs = new ArrayList<>();
            item.path("cidrs").forEach(c -> cidrs.add(c.asText()));
            for (String cidr : cidrs) {
                if (!validCidr(cidr, false)) {
                    problems.add(SettingKey.NODE_NETWORK_LIST.path + "[" + i + "].cidrs: '" + cidr
                            + "' is not allowed; use an IPv4 CIDR such as 10.20.0.0/16");
                }
            }
            networks.add(new NodeNetwork(item.path("networkName").asText(""), item.path("networkUUID").asText(""), List.copyOf(cidrs)));
        }
        return List.copyOf(networks);
    }

    private List<String> stringList(SettingKey key) {
        List<String> values = new ArrayList<>();
        jsonList(key).forEach(n -> values.add(n.asText()));
        return List.copyOf(values);
    }

    /** A list given as YAML, or as a JSON string (ConfigMap and environment). Missing node = reported problem. */
    private JsonNode jsonList(SettingKey key) {
        JsonNode node = raw.get(key);
        if (node.isTextual()) {
            try {
                node = JSON.readTree(node.asText().isBlank() ? "[]" : node.asText());
            } catch (JsonProcessingException e) {
                problem(key, raw.get(key).asText(), "a JSON list, e.g. [{\"networkName\":\"vip-net\",\"cidr\":\"10.10.10.0/24\"}]");
                return MissingNode.getInstance();
            }
        }
        if (!node.isArray()) {
            problem(key, node.toString(), "a list");
            return MissingNode.getInstance();
        }
        return node;
    }

    private static boolean validCidr(String cidr, boolean ipv6) {
        return Cidr.parse(cidr).filter(c -> c.isIPv6() == ipv6).isPresent();
    }

    private void problem(SettingKey key, Object value, String allowed) {
        String shown = key.secret ? "<redacted>" : String.valueOf(value);
        problems.add(key.path + ": '" + shown + "' is not allowed; expected " + allowed + " (env " + key.env + ")");
    }

    /** All keys with their environment names and defaults, for {@code --help}. */
    public static String describeKeys() {
        return SettingKey.describeSources();
    }

    /** Reads a values file and the process environment, the usual start-up path. */
    public static Settings fromValuesAndEnvironment(Path valuesFile, Map<String, String> env) {
        SettingsLoader loader = defaults();
        if (valuesFile != null) {
            loader.valuesFile(valuesFile);
        }
        return loader.environment(env).load();
    }

}
