package org.rightstream.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rightstream.contracts.Topics;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks docker-compose.yml (which cannot be run here: no Docker engine) against the code it must agree
 * with: the topics of {@link Topics#ALL}, each service's {@code server.port} in its application.yml, its
 * Dockerfile, the versions pinned in the root pom.xml, loopback-only ports and no committed passwords.
 *
 * <p>The repository root is the system property {@code rightstream.home}, else the parent of the
 * working directory (surefire runs in the module folder).
 */
class DockerComposeFileTest {

    /** Port conventions of the design ("Services and topics"). */
    private static final Map<String, Integer> APP_PORTS = Map.of(
            "query-service", 8080,
            "ingest-service", 8081,
            "classify-service", 8082);

    private static final List<String> REQUIRED_SERVICES = List.of(
            "kafka", "kafka-init", "elasticsearch", "es-setup", "kibana", "kibana-setup",
            "ingest-service", "classify-service", "query-service");

    private static final List<Integer> LOOPBACK_PORTS = List.of(8080, 8081, 8082, 9092, 9200, 5601);

    private static final Set<String> DEPENDENCY_CONDITIONS =
            Set.of("service_healthy", "service_completed_successfully");

    /** A reference to a variable that Compose refuses to leave empty: ${NAME:?message} or ${NAME?message}. */
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*:?\\?[^}]*}");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");

    private static Path root;
    private static String composeText;
    private static Map<String, Object> compose;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    static void loadComposeFile() throws IOException {
        String home = System.getProperty("rightstream.home");
        root = (home == null || home.isBlank() ? Path.of("..") : Path.of(home)).toAbsolutePath().normalize();
        Path file = root.resolve("docker-compose.yml");
        assertThat(file).as("docker-compose.yml in the repository root %s (set -Drightstream.home)", root)
                .isRegularFile();
        composeText = Files.readString(file);
        compose = map(loadYaml(file).get(0), "docker-compose.yml");
        services = new LinkedHashMap<>();
        map(compose.get("services"), "services").forEach((name, body) -> services.put(name, map(body, name)));
    }

    @Test
    void everyServiceOfTheSystemIsDefined() {
        assertThat(services).containsKeys(REQUIRED_SERVICES.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "classify-service", "query-service"})
    void appServiceIsBuiltFromItsFolderWithADockerfile(String name) throws IOException {
        Map<String, Object> service = services.get(name);
        assertThat(service).as(name).isNotNull();
        Object build = service.get("build");
        assertThat(build).as("%s has a build section", name).isNotNull();
        String context = build instanceof Map<?, ?> b ? String.valueOf(b.get("context")) : String.valueOf(build);
        String dockerfileName = build instanceof Map<?, ?> b && b.get("dockerfile") != null
                ? String.valueOf(b.get("dockerfile")) : "Dockerfile";
        Path contextDir = root.resolve(context).normalize();
        assertThat(contextDir).as("build context of %s", name).isDirectory().isEqualTo(root.resolve(name));
        Path dockerfile = contextDir.resolve(dockerfileName);
        assertThat(dockerfile).as("Dockerfile of %s", name).isRegularFile();
        assertThat(contextDir.resolve(".dockerignore")).as(".dockerignore of %s", name).isRegularFile();

        String text = Files.readString(dockerfile);
        assertThat(text).as("Dockerfile of %s", name)
                .contains("target/*-exec.jar")
                .contains("/actuator/health")
                .containsPattern("(?m)^HEALTHCHECK ")
                .containsPattern("(?m)^USER (?!root\\b|0\\b)\\S+")
                .contains("SERVER_PORT=" + APP_PORTS.get(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "classify-service", "query-service"})
    void appServiceHasAHealthcheckOnItsActuatorEndpoint(String name) throws IOException {
        Map<String, Object> healthcheck = map(services.get(name).get("healthcheck"), name + ".healthcheck");
        assertThat(healthcheck.get("disable")).as("%s healthcheck disabled", name).isNotEqualTo(Boolean.TRUE);
        String test = commandText(healthcheck.get("test"));
        assertThat(test).as("%s healthcheck", name)
                .contains(":" + effectiveServerPort(name) + "/actuator/health")
                .doesNotStartWith("NONE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "classify-service", "query-service"})
    void appServiceWaitsForTopicsAndStores(String name) {
        Map<String, String> conditions = dependencyConditions(name);
        assertThat(conditions).as("%s depends_on", name)
                .containsEntry("kafka-init", "service_completed_successfully");
        if (name.equals("query-service")) {
            assertThat(conditions).as("%s depends_on", name).containsEntry("elasticsearch", "service_healthy");
        }
    }

    @Test
    void everyDependencyHasAConditionThatCanBeMet() {
        services.forEach((name, service) -> {
            if (service.get("depends_on") == null) {
                return;
            }
            dependencyConditions(name).forEach((dependency, condition) -> {
                assertThat(services).as("%s depends on an unknown service", name).containsKey(dependency);
                assertThat(condition).as("condition of %s -> %s", name, dependency).isIn(DEPENDENCY_CONDITIONS);
                if (condition.equals("service_healthy")) {
                    assertThat(services.get(dependency).get("healthcheck"))
                            .as("%s waits for %s to be healthy, which has no healthcheck", name, dependency)
                            .isNotNull();
                }
            });
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "classify-service", "query-service"})
    void appServiceListensOnThePortOfItsApplicationYml(String name) throws IOException {
        int expected = APP_PORTS.get(name);
        int fromApplicationYml = serverPortDefault(name);
        assertThat(fromApplicationYml).as("server.port (default) in %s/src/main/resources/application.yml", name)
                .isEqualTo(expected);

        Object composePort = environment(name).get("SERVER_PORT");
        if (composePort != null) {
            assertThat(String.valueOf(composePort)).as("SERVER_PORT of %s in docker-compose.yml", name)
                    .isEqualTo(String.valueOf(fromApplicationYml));
        }
        assertThat(portBindings(name))
                .as("%s publishes 127.0.0.1:%d to its container port %d", name, expected, expected)
                .contains(new PortBinding("127.0.0.1", String.valueOf(expected), String.valueOf(expected)));
    }

    @Test
    void kafkaInitCreatesEveryTopicWithItsSettings() {
        Map<String, TopicCommand> created = createdTopics();
        for (Topics.TopicSpec spec : Topics.ALL) {
            TopicCommand command = created.get(spec.name());
            assertThat(command).as("kafka-init creates topic %s", spec.name()).isNotNull();
            assertThat(command.partitions()).as("partitions of %s", spec.name())
                    .isEqualTo(String.valueOf(spec.partitions()));
            assertThat(command.configs()).as("configs of %s", spec.name())
                    .containsEntry("max.message.bytes", String.valueOf(spec.maxMessageBytes()))
                    .containsEntry("retention.ms", String.valueOf(spec.retentionMs()));
            assertThat(command.ifNotExists()).as("%s is created with --if-not-exists", spec.name()).isTrue();
        }
        assertThat(created.keySet()).as("topics created by kafka-init")
                .containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(Topics.TopicSpec::name).toList());
    }

    @Test
    void kafkaInitRunsOnTheBrokerImageOnceTheBrokerIsHealthy() {
        assertThat(services.get("kafka-init").get("image")).isEqualTo(services.get("kafka").get("image"));
        assertThat(dependencyConditions("kafka-init")).containsEntry("kafka", "service_healthy");
    }

    @Test
    void brokerAcceptsTheLargestMessageOfAnyTopic() {
        int largest = Topics.ALL.stream().mapToInt(Topics.TopicSpec::maxMessageBytes).max().orElseThrow();
        Object brokerLimit = environment("kafka").get("KAFKA_MESSAGE_MAX_BYTES");
        assertThat(brokerLimit).as("KAFKA_MESSAGE_MAX_BYTES of kafka").isNotNull();
        assertThat(Long.parseLong(String.valueOf(brokerLimit))).isGreaterThanOrEqualTo(largest);
    }

    @Test
    void portsArePublishedOnLoopbackOnly() {
        List<String> exposed = new ArrayList<>();
        Set<String> published = new LinkedHashSet<>();
        services.keySet().forEach(name -> portBindings(name).forEach(binding -> {
            if (!binding.hostIp().equals("127.0.0.1")) {
                exposed.add(name + " " + binding);
            }
            published.add(binding.published());
        }));
        assertThat(exposed).as("ports published beyond 127.0.0.1").isEmpty();
        assertThat(published).as("published host ports")
                .containsAll(LOOPBACK_PORTS.stream().map(String::valueOf).toList());
    }

    @Test
    void noPasswordIsWrittenInTheFile() {
        services.keySet().forEach(name -> environment(name).forEach((key, value) -> {
            if (key.toUpperCase().contains("PASSWORD")) {
                assertThat(String.valueOf(value))
                        .as("%s: %s must come from a required variable like ${ELASTIC_PASSWORD:?...}", name, key)
                        .matches(REQUIRED_VARIABLE);
            }
        }));

        String withoutComments = composeText.replaceAll("(?m)^\\s*#.*$", "");
        Matcher assignment = Pattern.compile(
                "(?i)password[\\\\\"']*\\s*[:=]\\s*[\\\\\"']*([^\\s\\\\\"',}]+)").matcher(withoutComments);
        while (assignment.find()) {
            assertThat(assignment.group(1)).as("value after '%s'", assignment.group()).startsWith("$");
        }
        Matcher basicAuth = Pattern.compile("-u\\s+[\\\\\"']*[\\w.-]+:([^\\s\\\\\"']+)").matcher(withoutComments);
        while (basicAuth.find()) {
            assertThat(basicAuth.group(1)).as("password in '%s'", basicAuth.group()).startsWith("$");
        }
    }

    @Test
    void imagesMatchTheVersionsOfTheRootPom() throws IOException {
        String pom = Files.readString(root.resolve("pom.xml"));
        String kafka = pomProperty(pom, "kafka-broker.version");
        String elastic = pomProperty(pom, "elasticsearch-server.version");
        assertThat(services.get("kafka").get("image")).isEqualTo("apache/kafka:" + kafka);
        assertThat(services.get("kafka-init").get("image")).isEqualTo("apache/kafka:" + kafka);
        assertThat(services.get("elasticsearch").get("image"))
                .isEqualTo("docker.elastic.co/elasticsearch/elasticsearch:" + elastic);
        assertThat(services.get("es-setup").get("image"))
                .isEqualTo("docker.elastic.co/elasticsearch/elasticsearch:" + elastic);
        assertThat(services.get("kibana").get("image")).isEqualTo("docker.elastic.co/kibana/kibana:" + elastic);
        assertThat(services.get("kibana-setup").get("image"))
                .isEqualTo("docker.elastic.co/elasticsearch/elasticsearch:" + elastic);
    }

    // --- helpers ------------------------------------------------------------------------------------

    private record PortBinding(String hostIp, String published, String target) {
    }

    private record TopicCommand(String partitions, Map<String, String> configs, boolean ifNotExists) {
    }

    private static List<Object> loadYaml(Path file) throws IOException {
        List<Object> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader).forEach(documents::add);
        }
        assertThat(documents).as("YAML documents in %s", file).isNotEmpty();
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map<?, ?>)) {
            fail("%s should be a YAML mapping but is %s", what, value);
        }
        return (Map<String, Object>) value;
    }

    /** A service's environment, whether written as a mapping or as a list of NAME=value. */
    private static Map<String, Object> environment(String service) {
        Object environment = services.get(service).get("environment");
        Map<String, Object> result = new TreeMap<>();
        if (environment instanceof Map<?, ?> m) {
            m.forEach((key, value) -> result.put(String.valueOf(key), value));
        } else if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String text = String.valueOf(entry);
                int equals = text.indexOf('=');
                result.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? null : text.substring(equals + 1));
            }
        }
        return result;
    }

    /** depends_on as name -> condition; the short list syntax has no condition and is reported as such. */
    private static Map<String, String> dependencyConditions(String service) {
        Object dependsOn = services.get(service).get("depends_on");
        assertThat(dependsOn).as("%s depends_on with conditions (long syntax)", service).isInstanceOf(Map.class);
        Map<String, String> result = new LinkedHashMap<>();
        map(dependsOn, service + ".depends_on").forEach((dependency, body) -> result.put(dependency,
                String.valueOf(map(body, service + ".depends_on." + dependency).get("condition"))));
        assertThat(result).as("%s depends_on", service).isNotEmpty();
        return result;
    }

    private static List<PortBinding> portBindings(String service) {
        Object ports = services.get(service).get("ports");
        List<PortBinding> result = new ArrayList<>();
        if (ports == null) {
            return result;
        }
        assertThat(ports).as("%s ports", service).isInstanceOf(List.class);
        for (Object port : (List<?>) ports) {
            if (port instanceof Map<?, ?> longSyntax) {
                Object hostIp = longSyntax.get("host_ip");
                result.add(new PortBinding(hostIp == null ? "0.0.0.0" : String.valueOf(hostIp),
                        String.valueOf(longSyntax.get("published")), String.valueOf(longSyntax.get("target"))));
                continue;
            }
            String text = String.valueOf(port).replaceFirst("/(tcp|udp)$", "");
            int lastColon = text.lastIndexOf(':');
            if (lastColon < 0) {
                result.add(new PortBinding("0.0.0.0", "(random)", text));
                continue;
            }
            String target = text.substring(lastColon + 1);
            String hostPart = text.substring(0, lastColon);
            int ipColon = hostPart.lastIndexOf(':');
            result.add(ipColon < 0
                    ? new PortBinding("0.0.0.0", hostPart, target)
                    : new PortBinding(hostPart.substring(0, ipColon), hostPart.substring(ipColon + 1), target));
        }
        return result;
    }

    /** A command or healthcheck test, list or string form, as one string. */
    private static String commandText(Object command) {
        if (command instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(" "));
        }
        assertThat(command).as("command").isNotNull();
        return String.valueOf(command);
    }

    /** The kafka-topics.sh --create invocations of kafka-init, by topic name. */
    private static Map<String, TopicCommand> createdTopics() {
        String script = commandText(services.get("kafka-init").get("command")).replace("\\\n", " ");
        Map<String, TopicCommand> created = new LinkedHashMap<>();
        for (String invocation : script.split("kafka-topics\\.sh")) {
            List<String> args = List.of(invocation.trim().split("\\s+"));
            if (!args.contains("--create")) {
                continue;
            }
            String topic = null;
            String partitions = null;
            Map<String, String> configs = new LinkedHashMap<>();
            for (int i = 0; i < args.size() - 1; i++) {
                String value = args.get(i + 1);
                switch (args.get(i)) {
                    case "--topic" -> topic = value;
                    case "--partitions" -> partitions = value;
                    case "--config" -> {
                        int equals = value.indexOf('=');
                        assertThat(equals).as("--config %s", value).isPositive();
                        configs.put(value.substring(0, equals), value.substring(equals + 1));
                    }
                    default -> {
                    }
                }
            }
            assertThat(topic).as("--topic in kafka-init invocation: %s", invocation.trim()).isNotNull();
            assertThat(created).as("topic %s created twice", topic).doesNotContainKey(topic);
            created.put(topic, new TopicCommand(partitions, configs, args.contains("--if-not-exists")));
        }
        return created;
    }

    private static int effectiveServerPort(String service) throws IOException {
        Object composePort = environment(service).get("SERVER_PORT");
        return composePort != null ? Integer.parseInt(String.valueOf(composePort)) : serverPortDefault(service);
    }

    /**
     * server.port of the service's application.yml as it applies without SERVER_PORT: the number, the
     * default of a {@code ${VAR:default}} placeholder, or Spring Boot's 8080 when the key is absent.
     * Profile-specific documents (spring.config.activate.on-profile) are ignored.
     */
    private static int serverPortDefault(String service) throws IOException {
        Path yml = root.resolve(service).resolve("src/main/resources/application.yml");
        assertThat(yml).as("application.yml of %s", service).isRegularFile();
        Object port = null;
        for (Object document : loadYaml(yml)) {
            if (!(document instanceof Map<?, ?> properties) || nested(properties, "spring", "config", "activate",
                    "on-profile") != null) {
                continue;
            }
            Object value = properties.containsKey("server.port")
                    ? properties.get("server.port") : nested(properties, "server", "port");
            if (value != null) {
                port = value;
            }
        }
        if (port == null) {
            return 8080;
        }
        String text = String.valueOf(port).trim();
        Matcher placeholder = PLACEHOLDER.matcher(text);
        if (placeholder.matches()) {
            assertThat(placeholder.group(2)).as("default of server.port %s in %s", text, yml).isNotNull();
            text = placeholder.group(2).trim();
        }
        assertThat(text).as("server.port in %s", yml).matches("\\d+");
        return Integer.parseInt(text);
    }

    private static Object nested(Map<?, ?> properties, String... path) {
        Object current = properties;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    private static String pomProperty(String pom, String name) {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">\\s*([^<\\s]+)\\s*</").matcher(pom);
        assertThat(matcher.find()).as("property %s in the root pom.xml", name).isTrue();
        return matcher.group(1);
    }
}
