package org.rightstream.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rightstream.contracts.Indices;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the Kibana saved objects of infra/kibana (which cannot be imported here: no Docker engine, no
 * Kibana) against the index templates of the contracts module and against docker-compose.yml:
 * every line is a saved object, every reference resolves to an object of the same file, every field
 * that a data view or a Lens layer names exists in the mapping of the index the data view reads (or is
 * a runtime field of the data view, whose script reads mapped fields only), and kibana-setup loads the
 * folder once Kibana is healthy.
 *
 * <p>The repository root is the system property {@code rightstream.home}, else the parent of the
 * working directory (surefire runs in the module folder).
 */
class KibanaSavedObjectsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The saved-object types the files may hold; anything else would need its own checks here. */
    private static final Set<String> KNOWN_TYPES = Set.of("index-pattern", "lens", "dashboard");

    /** Lens's pseudo-field of "Count of records". */
    private static final String RECORDS = "___records___";

    /** Lens operations that aggregate on their field: text fields (no doc values) cannot be used. */
    private static final Set<String> BUCKETING_OR_METRIC_OPERATIONS = Set.of("terms", "date_histogram",
            "range", "histogram", "unique_count", "min", "max", "sum", "average", "median", "percentile",
            "last_value", "standard_deviation");

    /** Data types of a mapping field as Lens names them in a column's dataType. */
    private static final Map<String, String> LENS_DATA_TYPES = Map.ofEntries(
            Map.entry("keyword", "string"), Map.entry("text", "string"),
            Map.entry("integer", "number"), Map.entry("long", "number"), Map.entry("short", "number"),
            Map.entry("float", "number"), Map.entry("double", "number"),
            Map.entry("date", "date"), Map.entry("boolean", "boolean"));

    /** {@code params._source.a.b} in a runtime field script. */
    private static final Pattern SOURCE_PATH = Pattern.compile("params\\._source\\.([A-Za-z_][\\w.]*[\\w])");

    /** {@code for (def x : params._source.a)}: x stands for one element of the object array a. */
    private static final Pattern SOURCE_LOOP =
            Pattern.compile("for\\s*\\(\\s*def\\s+(\\w+)\\s*:\\s*params\\._source\\.([\\w.]*\\w)\\s*\\)");

    private static Path root;
    private static Path folder;
    /** Every saved object, by file. */
    private static Map<Path, List<JsonNode>> objectsByFile;
    /** Every saved object, by "type/id". */
    private static Map<String, JsonNode> objects;

    @BeforeAll
    static void loadSavedObjects() throws IOException {
        String home = System.getProperty("rightstream.home");
        root = (home == null || home.isBlank() ? Path.of("..") : Path.of(home)).toAbsolutePath().normalize();
        folder = root.resolve("infra/kibana");
        assertThat(folder).as("infra/kibana in the repository root %s (set -Drightstream.home)", root).isDirectory();
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".ndjson")).sorted().toList();
        }
        assertThat(files).as("*.ndjson files in %s", folder).isNotEmpty();

        objectsByFile = new LinkedHashMap<>();
        objects = new LinkedHashMap<>();
        for (Path file : files) {
            List<JsonNode> inFile = new ArrayList<>();
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                String where = file.getFileName() + " line " + (i + 1);
                JsonNode object;
                try {
                    object = JSON.readTree(line);
                } catch (RuntimeException e) {
                    throw new AssertionError(where + " is not one JSON object: " + e.getMessage(), e);
                }
                assertThat(object.isObject()).as("%s is a JSON object", where).isTrue();
                assertThat(text(object, "id")).as("%s id", where).isNotBlank();
                assertThat(text(object, "type")).as("%s type", where).isIn(KNOWN_TYPES);
                assertThat(object.path("attributes").isObject()).as("%s attributes", where).isTrue();
                assertThat(object.path("references").isArray()).as("%s references", where).isTrue();
                String key = key(object);
                assertThat(objects).as("%s: %s appears twice", where, key).doesNotContainKey(key);
                objects.put(key, object);
                inFile.add(object);
            }
            objectsByFile.put(file, inFile);
        }
    }

    @Test
    void theFilesHoldTheDataViewsTheLensVisualisationsAndADashboard() {
        assertThat(ofType("index-pattern").map(o -> text(o.path("attributes"), "title")).toList())
                .as("data view titles").contains(Indices.REPORT_CHUNKS.alias(), Indices.ALERTS.alias());
        assertThat(ofType("lens").count()).as("Lens visualisations").isGreaterThanOrEqualTo(5);
        assertThat(ofType("dashboard").count()).as("dashboards").isGreaterThanOrEqualTo(1);
    }

    @Test
    void everyReferenceResolvesToAnObjectOfTheSameFile() {
        // Each file is imported on its own (one _import request per file), so it must be self-contained.
        objectsByFile.forEach((file, inFile) -> {
            Set<String> keys = inFile.stream().map(KibanaSavedObjectsTest::key).collect(Collectors.toSet());
            for (JsonNode object : inFile) {
                Set<String> names = new HashSet<>();
                for (JsonNode reference : object.path("references")) {
                    String target = text(reference, "type") + "/" + text(reference, "id");
                    assertThat(keys).as("%s: %s references %s (%s), which is not in the file", file.getFileName(),
                            key(object), target, text(reference, "name")).contains(target);
                    assertThat(names.add(text(reference, "name")))
                            .as("%s: reference name %s used twice", key(object), text(reference, "name")).isTrue();
                }
            }
        });
    }

    @Test
    void dataViewsReadAnIndexOfTheContractsAndNameOnlyItsFields() {
        ofType("index-pattern").forEach(dataView -> {
            String what = key(dataView);
            JsonNode attributes = dataView.path("attributes");
            Map<String, String> mapping = mappingOf(dataView);

            String timeField = text(attributes, "timeFieldName");
            if (!timeField.isEmpty()) {
                assertThat(mapping.get(timeField)).as("%s: time field %s in the mapping", what, timeField)
                        .isEqualTo("date");
            }

            Map<String, String> runtime = runtimeFields(dataView);
            runtime.forEach((name, type) -> assertThat(mapping)
                    .as("%s: runtime field %s shadows a mapped field", what, name).doesNotContainKey(name));
            for (String stringified : List.of("fieldFormatMap", "fieldAttrs")) {
                parse(attributes, stringified, what).propertyNames().forEach(field -> assertThat(
                        mapping.containsKey(field) || runtime.containsKey(field))
                        .as("%s: %s names %s, which is neither in the mapping nor a runtime field",
                                what, stringified, field)
                        .isTrue());
            }
            assertThat(parse(attributes, "fields", what).isArray()).as("%s fields", what).isTrue();
            parse(attributes, "fields", what).forEach(field -> assertThat(
                    mapping.containsKey(text(field, "name")) || runtime.containsKey(text(field, "name")))
                    .as("%s: fields lists %s", what, text(field, "name")).isTrue());
        });
    }

    @Test
    void runtimeFieldScriptsReadMappedFieldsOnly() {
        ofType("index-pattern").forEach(dataView -> {
            String what = key(dataView);
            Map<String, String> mapping = mappingOf(dataView);
            JsonNode runtimeMap = parse(dataView.path("attributes"), "runtimeFieldMap", what);
            runtimeMap.properties().forEach(entry -> {
                String name = entry.getKey();
                String script = text(entry.getValue().path("script"), "source");
                assertThat(LENS_DATA_TYPES).as("%s: type of runtime field %s", what, name)
                        .containsKey(text(entry.getValue(), "type"));
                assertThat(script).as("%s: script of runtime field %s", what, name).contains("emit(");

                Matcher path = SOURCE_PATH.matcher(script);
                while (path.find()) {
                    assertThat(mapping).as("%s: runtime field %s reads _source.%s", what, name, path.group(1))
                            .containsKey(path.group(1));
                }
                Matcher loop = SOURCE_LOOP.matcher(script);
                while (loop.find()) {
                    String variable = loop.group(1);
                    String array = loop.group(2);
                    assertThat(mapping.get(array)).as("%s: %s loops over _source.%s, an object array", what, name,
                            array).isEqualTo("object");
                    Matcher member = Pattern.compile("\\b" + Pattern.quote(variable) + "\\.(\\w+)").matcher(script);
                    while (member.find()) {
                        assertThat(mapping).as("%s: runtime field %s reads %s.%s, i.e. _source.%s.%s", what, name,
                                variable, member.group(1), array, member.group(1))
                                .containsKey(array + "." + member.group(1));
                    }
                }
            });
        });
    }

    @Test
    void everyLensColumnUsesAFieldOfItsDataViewWithTheRightType() {
        ofType("lens").forEach(lens -> {
            String what = key(lens);
            JsonNode state = lens.path("attributes").path("state");
            JsonNode layers = state.path("datasourceStates").path("formBased").path("layers");
            assertThat(layers.isObject() && !layers.isEmpty()).as("%s has form-based layers", what).isTrue();
            assertThat(state.path("datasourceStates").has("indexpattern"))
                    .as("%s uses the 8.x name formBased, not the legacy indexpattern", what).isFalse();

            layers.properties().forEach(entry -> {
                String layerId = entry.getKey();
                JsonNode layer = entry.getValue();
                JsonNode dataView = referenced(lens, "indexpattern-datasource-layer-" + layerId, "index-pattern");
                Map<String, String> fields = new LinkedHashMap<>(mappingOf(dataView));
                runtimeFields(dataView).forEach(fields::putIfAbsent);

                List<String> columnIds = new ArrayList<>();
                layer.path("columns").propertyNames().forEach(columnIds::add);
                List<String> order = new ArrayList<>();
                layer.path("columnOrder").forEach(id -> order.add(id.asString()));
                assertThat(order).as("%s layer %s columnOrder", what, layerId)
                        .containsExactlyInAnyOrderElementsOf(columnIds);

                layer.path("columns").properties().forEach(column -> {
                    String where = what + " column " + column.getKey();
                    JsonNode c = column.getValue();
                    String operation = text(c, "operationType");
                    String field = text(c, "sourceField");
                    if (operation.equals("count")) {
                        assertThat(field).as("%s counts records", where).isEqualTo(RECORDS);
                        return;
                    }
                    assertThat(fields).as("%s: field %s in %s (mapping of %s or a runtime field)", where, field,
                            key(dataView), text(dataView.path("attributes"), "title")).containsKey(field);
                    String type = fields.get(field);
                    assertThat(type).as("%s: %s is an object, not a field", where, field).isNotEqualTo("object");
                    assertThat(text(c, "dataType")).as("%s: dataType of %s (%s)", where, field, type)
                            .isEqualTo(LENS_DATA_TYPES.get(type));
                    if (BUCKETING_OR_METRIC_OPERATIONS.contains(operation)) {
                        assertThat(type).as("%s: %s on a text field cannot aggregate", where, operation)
                                .isNotEqualTo("text");
                    }
                    if (operation.equals("date_histogram")) {
                        assertThat(type).as("%s: date histogram on %s", where, field).isEqualTo("date");
                    }
                    JsonNode orderBy = c.path("params").path("orderBy");
                    if (text(orderBy, "type").equals("column")) {
                        assertThat(columnIds).as("%s orders by a column of its layer", where)
                                .contains(text(orderBy, "columnId"));
                    }
                });
            });

            // The XY visualisation's accessors are columns of the layer it draws.
            for (JsonNode visualLayer : state.path("visualization").path("layers")) {
                String layerId = text(visualLayer, "layerId");
                JsonNode columns = layers.path(layerId).path("columns");
                assertThat(columns.isObject()).as("%s: visualisation layer %s has a data layer", what, layerId).isTrue();
                List<String> accessors = new ArrayList<>();
                visualLayer.path("accessors").forEach(a -> accessors.add(a.asString()));
                for (String single : List.of("xAccessor", "splitAccessor")) {
                    if (visualLayer.has(single)) {
                        accessors.add(text(visualLayer, single));
                    }
                }
                assertThat(accessors).as("%s accessors", what).isNotEmpty();
                accessors.forEach(a -> assertThat(columns.has(a)).as("%s: accessor %s is a column of layer %s",
                        what, a, layerId).isTrue());
            }
            assertThat(text(lens.path("attributes"), "title")).as("%s title", what).isNotBlank();
        });
    }

    @Test
    void theDashboardShowsEveryVisualisationOnceThroughItsReferences() {
        Set<String> shown = new HashSet<>();
        ofType("dashboard").forEach(dashboard -> {
            String what = key(dashboard);
            JsonNode attributes = dashboard.path("attributes");
            assertThat(text(attributes, "title")).as("%s title", what).isNotBlank();
            parse(attributes.path("kibanaSavedObjectMeta"), "searchSourceJSON", what);
            parse(attributes, "optionsJSON", what);
            JsonNode panels = parse(attributes, "panelsJSON", what);
            assertThat(panels.isArray() && !panels.isEmpty()).as("%s panels", what).isTrue();

            List<int[]> cells = new ArrayList<>();
            for (JsonNode panel : panels) {
                String index = text(panel, "panelIndex");
                JsonNode grid = panel.path("gridData");
                assertThat(text(grid, "i")).as("%s panel %s gridData.i", what, index).isEqualTo(index);
                int x = grid.path("x").asInt(-1);
                int y = grid.path("y").asInt(-1);
                int w = grid.path("w").asInt(0);
                int h = grid.path("h").asInt(0);
                assertThat(x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= 48)
                        .as("%s panel %s fits the 48-column grid: %s", what, index, grid).isTrue();
                for (int[] other : cells) {
                    boolean overlaps = x < other[0] + other[2] && other[0] < x + w && y < other[1] + other[3]
                            && other[1] < y + h;
                    assertThat(overlaps).as("%s panel %s overlaps another panel", what, index).isFalse();
                }
                cells.add(new int[] {x, y, w, h});

                // Kibana stores a by-reference panel as panelRefName "panel_<i>" plus a reference "<i>:panel_<i>".
                String refName = text(panel, "panelRefName");
                assertThat(refName).as("%s panel %s panelRefName", what, index).isEqualTo("panel_" + index);
                JsonNode target = referenced(dashboard, index + ":" + refName, text(panel, "type"));
                assertThat(shown.add(key(target))).as("%s shown twice", key(target)).isTrue();
            }
        });
        assertThat(shown).as("visualisations on a dashboard")
                .containsExactlyInAnyOrderElementsOf(ofType("lens").map(KibanaSavedObjectsTest::key).toList());
    }

    @Test
    void kibanaSetupLoadsTheFolderOnceKibanaIsHealthy() throws IOException {
        Map<String, Object> services = map(loadCompose().get("services"), "services");
        Map<String, Object> setup = map(services.get("kibana-setup"), "kibana-setup");
        Map<String, Object> kibana = map(services.get("kibana"), "kibana");

        assertThat(condition(setup, "kibana")).as("kibana-setup depends_on kibana").isEqualTo("service_healthy");
        assertThat(String.valueOf(setup.get("restart"))).as("kibana-setup is one-shot").isEqualTo("no");
        assertThat(kibana.get("healthcheck")).as("kibana healthcheck").isNotNull();
        assertThat(condition(kibana, "elasticsearch")).as("kibana depends_on elasticsearch")
                .isEqualTo("service_healthy");
        assertThat(String.valueOf(map(kibana.get("environment"), "kibana.environment").get("NODE_OPTIONS")))
                .as("kibana caps its heap").containsPattern("--max-old-space-size=\\d+");

        // A bind mount of infra/kibana, and a command that imports the *.ndjson files of its target.
        String target = null;
        for (Object volume : (List<?>) setup.get("volumes")) {
            String[] parts = String.valueOf(volume).split(":");
            if (parts.length >= 2 && parts[0].startsWith(".") && root.resolve(parts[0]).normalize().equals(folder)) {
                target = parts[1];
            }
        }
        assertThat(target).as("kibana-setup mounts ./infra/kibana; volumes: %s", setup.get("volumes")).isNotNull();
        Object commandValue = setup.get("command");
        String command = commandValue instanceof List<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.joining(" ")) : String.valueOf(commandValue);
        assertThat(command).as("kibana-setup command")
                .contains(target + "/*.ndjson")
                .contains("http://kibana:5601/api/saved_objects/_import?overwrite=true")
                .contains("kbn-xsrf: true")
                .contains("http://kibana:5601/api/status")
                .contains("\"success\"");
    }

    // --- helpers ------------------------------------------------------------------------------------

    private static Stream<JsonNode> ofType(String type) {
        return objects.values().stream().filter(o -> text(o, "type").equals(type));
    }

    private static String key(JsonNode object) {
        return text(object, "type") + "/" + text(object, "id");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asString();
    }

    /** An attribute that Kibana stores as a JSON string (panelsJSON, fieldFormatMap, ...), parsed. */
    private static JsonNode parse(JsonNode attributes, String field, String what) {
        JsonNode value = attributes.path(field);
        assertThat(value.isString()).as("%s: %s is a JSON string", what, field).isTrue();
        try {
            return JSON.readTree(value.asString());
        } catch (RuntimeException e) {
            throw new AssertionError(what + ": " + field + " is not JSON: " + e.getMessage(), e);
        }
    }

    /** The object a reference of {@code from} with this name points at; it must exist and have this type. */
    private static JsonNode referenced(JsonNode from, String name, String type) {
        for (JsonNode reference : from.path("references")) {
            if (text(reference, "name").equals(name)) {
                assertThat(text(reference, "type")).as("%s: type of reference %s", key(from), name).isEqualTo(type);
                JsonNode target = objects.get(type + "/" + text(reference, "id"));
                assertThat(target).as("%s: reference %s -> %s/%s", key(from), name, type, text(reference, "id"))
                        .isNotNull();
                return target;
            }
        }
        return fail("%s has no reference named %s", key(from), name);
    }

    /** Runtime fields of a data view: name -> type. */
    private static Map<String, String> runtimeFields(JsonNode dataView) {
        Map<String, String> result = new LinkedHashMap<>();
        JsonNode attributes = dataView.path("attributes");
        if (attributes.has("runtimeFieldMap")) {
            parse(attributes, "runtimeFieldMap", key(dataView)).properties()
                    .forEach(e -> result.put(e.getKey(), text(e.getValue(), "type")));
        }
        return result;
    }

    /**
     * The mapping of the index template of the alias a data view reads, flattened: "a.b" -> type,
     * "object" for an object with properties, multi-fields as "a.raw".
     */
    private static Map<String, String> mappingOf(JsonNode dataView) {
        String title = text(dataView.path("attributes"), "title");
        Indices.IndexSpec index = Indices.ALL.stream().filter(spec -> spec.alias().equals(title)).findFirst()
                .orElseGet(() -> fail("%s reads %s, which is not an alias of Indices.ALL %s", key(dataView), title,
                        Indices.ALL.stream().map(Indices.IndexSpec::alias).toList()));
        JsonNode properties = JSON.readTree(index.templateJson()).path("template").path("mappings").path("properties");
        assertThat(properties.isObject()).as("mapping properties of %s", index.templateName()).isTrue();
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", properties, flat);
        return flat;
    }

    private static void flatten(String prefix, JsonNode properties, Map<String, String> flat) {
        properties.properties().forEach(entry -> {
            String path = prefix + entry.getKey();
            JsonNode definition = entry.getValue();
            if (definition.has("properties")) {
                flat.put(path, text(definition, "type").isEmpty() ? "object" : text(definition, "type"));
                flatten(path + ".", definition.path("properties"), flat);
            } else {
                flat.put(path, text(definition, "type"));
            }
            definition.path("fields").properties()
                    .forEach(sub -> flat.put(path + "." + sub.getKey(), text(sub.getValue(), "type")));
        });
    }

    private static Map<String, Object> loadCompose() throws IOException {
        try (Reader reader = Files.newBufferedReader(root.resolve("docker-compose.yml"))) {
            return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader), "docker-compose.yml");
        }
    }

    private static String condition(Map<String, Object> service, String dependency) {
        Object dependsOn = service.get("depends_on");
        assertThat(dependsOn).as("depends_on (long syntax)").isInstanceOf(Map.class);
        Object body = ((Map<?, ?>) dependsOn).get(dependency);
        return body instanceof Map<?, ?> b ? String.valueOf(b.get("condition")) : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map<?, ?>)) {
            fail("%s should be a YAML mapping but is %s", what, value);
        }
        return (Map<String, Object>) value;
    }
}
