package io.akocamel.kubeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The columns and cells of each printer, as a real API server prints the same object (k8s.io/kubernetes pkg/printers). */
class TablePrintersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
    private static final String CREATED = "\"metadata\":{\"name\":\"x\",\"creationTimestamp\":\"2025-01-01T11:55:00Z\"}";

    static Stream<Arguments> printers() {
        return Stream.of(
                Arguments.of("Ingress with TLS, two addresses", IngressPrinters.INGRESS,
                        "{" + CREATED + ",\"spec\":{\"ingressClassName\":\"avi-lb\",\"tls\":[{}],\"rules\":[{\"host\":\"a.example.com\"},{\"host\":\"b.example.com\"}]},"
                                + "\"status\":{\"loadBalancer\":{\"ingress\":[{\"ip\":\"10.0.0.2\",\"hostname\":\"a.example.com\"},{\"ip\":\"10.0.0.1\"},{\"ip\":\"10.0.0.2\"}]}}}",
                        List.of("Name", "Class", "Hosts", "Address", "Ports", "Age"),
                        List.of("x", "avi-lb", "a.example.com,b.example.com", "10.0.0.1,10.0.0.2", "80, 443", "5m")),
                Arguments.of("Ingress with a default backend only, no status", IngressPrinters.INGRESS, "{" + CREATED + ",\"spec\":{}}",
                        List.of("Name", "Class", "Hosts", "Address", "Ports", "Age"), List.of("x", "<none>", "*", "", "80", "5m")),
                Arguments.of("Ingress with five hosts", IngressPrinters.INGRESS,
                        "{" + CREATED + ",\"spec\":{\"rules\":[{\"host\":\"a\"},{\"host\":\"b\"},{\"host\":\"c\"},{\"host\":\"d\"},{\"host\":\"e\"}]}}",
                        List.of("Name", "Class", "Hosts", "Address", "Ports", "Age"), List.of("x", "<none>", "a,b,c + 2 more...", "", "80", "5m")),
                Arguments.of("IngressClass", IngressPrinters.INGRESS_CLASS,
                        "{" + CREATED + ",\"spec\":{\"controller\":\"ako.vmware.com/avi-lb\",\"parameters\":{\"apiGroup\":\"ako.vmware.com\",\"kind\":\"AviInfraSetting\",\"name\":\"infra\"}}}",
                        List.of("Name", "Controller", "Parameters", "Age"), List.of("x", "ako.vmware.com/avi-lb", "AviInfraSetting.ako.vmware.com/infra", "5m")),
                Arguments.of("Service (SELECTOR is wide)", ServicePrinters.SERVICE,
                        "{" + CREATED + ",\"spec\":{\"clusterIP\":\"10.96.0.7\",\"selector\":{\"tier\":\"web\",\"app\":\"shop\"},\"ports\":[{\"port\":80},{\"port\":443,\"nodePort\":30443,\"protocol\":\"TCP\"}]}}",
                        List.of("Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age", "Selector"),
                        List.of("x", "ClusterIP", "10.96.0.7", "<none>", "80/TCP,443:30443/TCP", "5m", "app=shop,tier=web")),
                Arguments.of("LoadBalancer Service without an address yet", ServicePrinters.SERVICE, "{" + CREATED + ",\"spec\":{\"type\":\"LoadBalancer\"}}",
                        List.of("Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age", "Selector"),
                        List.of("x", "LoadBalancer", "<none>", "<pending>", "<none>", "5m", "<none>")),
                Arguments.of("EndpointSlice", ServicePrinters.ENDPOINT_SLICE,
                        "{" + CREATED + ",\"addressType\":\"IPv4\",\"ports\":[{\"port\":8080}],\"endpoints\":[{\"addresses\":[\"1.1.1.1\",\"1.1.1.2\"]},{\"addresses\":[\"1.1.1.3\",\"1.1.1.4\"]}]}",
                        List.of("Name", "AddressType", "Ports", "Endpoints", "Age"), List.of("x", "IPv4", "8080", "1.1.1.1,1.1.1.2,1.1.1.3 + 1 more...", "5m")),
                Arguments.of("Node (five wide columns)", CorePrinters.NODE,
                        "{\"metadata\":{\"name\":\"x\",\"creationTimestamp\":\"2024-12-20T12:00:00Z\",\"labels\":{\"node-role.kubernetes.io/control-plane\":\"\"}},"
                                + "\"spec\":{\"unschedulable\":true},\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}],"
                                + "\"addresses\":[{\"type\":\"InternalIP\",\"address\":\"10.20.0.11\"}],\"nodeInfo\":{\"kubeletVersion\":\"v1.32.0\"}}}",
                        List.of("Name", "Status", "Roles", "Age", "Version", "Internal-IP", "External-IP", "OS-Image", "Kernel-Version", "Container-Runtime"),
                        List.of("x", "Ready,SchedulingDisabled", "control-plane", "12d", "v1.32.0", "10.20.0.11", "<none>", "<unknown>", "<unknown>", "<unknown>")),
                Arguments.of("Secret", CorePrinters.SECRET, "{" + CREATED + ",\"type\":\"kubernetes.io/tls\",\"data\":{\"tls.crt\":\"\",\"tls.key\":\"\"}}",
                        List.of("Name", "Type", "Data", "Age"), List.of("x", "kubernetes.io/tls", 2, "5m")),
                Arguments.of("Namespace", CorePrinters.NAMESPACE, "{" + CREATED + "}", List.of("Name", "Status", "Age"), List.of("x", "Active", "5m")),
                Arguments.of("Lease", CorePrinters.LEASE, "{" + CREATED + ",\"spec\":{\"holderIdentity\":\"ako-0\"}}",
                        List.of("Name", "Holder", "Age"), List.of("x", "ako-0", "5m")),
                Arguments.of("Event (SUBOBJECT, SOURCE, FIRST SEEN, COUNT, NAME are wide)", EventPrinter.EVENT,
                        "{\"metadata\":{\"name\":\"shop.1\"},\"type\":\"Warning\",\"reason\":\"HostHeld\",\"message\":\" host held \",\"count\":3,"
                                + "\"firstTimestamp\":\"2025-01-01T11:00:00Z\",\"lastTimestamp\":\"2025-01-01T11:59:30Z\","
                                + "\"involvedObject\":{\"kind\":\"Ingress\",\"name\":\"shop\"},\"source\":{\"component\":\"avi-kubernetes-operator\"}}",
                        List.of("Last Seen", "Type", "Reason", "Object", "Subobject", "Source", "Message", "First Seen", "Count", "Name"),
                        List.of("30s", "Warning", "HostHeld", "ingress/shop", "", "avi-kubernetes-operator", "host held", "60m", 3L, "shop.1")),
                Arguments.of("custom resource with additionalPrinterColumns", CustomResources.printer(json(
                                "[{\"name\":\"Host\",\"type\":\"string\",\"jsonPath\":\".spec.virtualhost.fqdn\"},"
                                        + "{\"name\":\"Ready\",\"type\":\"string\",\"jsonPath\":\".status.conditions[?(@.type==\\\"Ready\\\")].status\",\"priority\":1},"
                                        + "{\"name\":\"Age\",\"type\":\"date\",\"jsonPath\":\".metadata.creationTimestamp\"}]")),
                        "{" + CREATED + ",\"spec\":{\"virtualhost\":{\"fqdn\":\"shop.example.com\"}},\"status\":{\"conditions\":[{\"type\":\"Other\",\"status\":\"False\"},{\"type\":\"Ready\",\"status\":\"True\"}]}}",
                        List.of("Name", "Host", "Ready", "Age"), List.of("x", "shop.example.com", "True", "5m")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("printers")
    void printsTheColumnsAndCellsOfARealApiServer(String name, TablePrinter printer, String object, List<String> columns, List<Object> cells) {
        assertThat(printer.columns()).extracting(Column::name).containsExactlyElementsOf(columns);
        assertThat(printer.cells().of(json(object), NOW)).containsExactlyElementsOf(cells);
    }

    static Stream<Arguments> durations() {
        return Stream.of(Arguments.of(Duration.ofSeconds(-5), "<invalid>"), Arguments.of(Duration.ofSeconds(119), "119s"),
                Arguments.of(Duration.ofSeconds(150), "2m30s"), Arguments.of(Duration.ofMinutes(42), "42m"),
                Arguments.of(Duration.ofMinutes(200), "3h20m"), Arguments.of(Duration.ofHours(30), "30h"),
                Arguments.of(Duration.ofHours(50), "2d2h"), Arguments.of(Duration.ofDays(40), "40d"), Arguments.of(Duration.ofDays(800), "2y70d"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("durations")
    void printsAgesAsKubectlDoes(Duration age, String printed) {
        assertThat(CellFormat.humanDuration(age)).isEqualTo(printed);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
