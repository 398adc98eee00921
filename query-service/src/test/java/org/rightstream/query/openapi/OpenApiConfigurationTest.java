package org.rightstream.query.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

class OpenApiConfigurationTest {

    @Test
    void searchParametersWithoutADescriptionGetOneAndOwnDescriptionsWin() {
        Operation search = new Operation()
                .addParametersItem(new Parameter().name("q"))
                .addParametersItem(new Parameter().name("size").description("own words"))
                .addParametersItem(new Parameter().name("sort"));
        OpenAPI api = new OpenAPI().paths(new Paths().addPathItem("/api/search", new PathItem().get(search)));

        new OpenApiConfiguration().describeUndocumentedParameters().customise(api);

        assertThat(search.getParameters().get(0).getDescription()).contains("quoted phrases");
        assertThat(search.getParameters().get(1).getDescription()).isEqualTo("own words");
        assertThat(search.getParameters().get(2).getDescription()).isNull();
    }

    @Test
    void missingPathsAreLeftAlone() {
        new OpenApiConfiguration().describeUndocumentedParameters().customise(new OpenAPI());
        new OpenApiConfiguration().describeUndocumentedParameters().customise(new OpenAPI().paths(new Paths()));
    }
}
