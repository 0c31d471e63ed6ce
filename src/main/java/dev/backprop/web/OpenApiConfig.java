package dev.backprop.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 document: the service's description, a relative server (so the document is the same
 * wherever it runs), and the problem-details answers every operation may give.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {
    private static final String PROBLEM = "Problem";

    private static Schema<?> problemSchema() {
        Schema<?> schema = io.swagger.v3.core.converter.ModelConverters.getInstance().readAllAsResolvedSchema(Problem.class).schema;
        schema.setExample(readExample(Problem.EXAMPLE));
        return schema;
    }

    private static Object readExample(String json) {
        try {
            return io.swagger.v3.core.util.Json.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Bean
    OpenAPI backpropOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Backprop").version("v1")
                        .description("PyTorch's autograd over HTTP: sessions of named tensors, ops that build the dynamic graph as "
                                + "they run, backward and grad, modules and optimizers — with PyTorch's semantics and numbers.")
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                .servers(List.of(new Server().url("/")));
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        Map<String, String> statuses = Map.of(
                "400", "malformed JSON, a missing or ill-typed field, an unknown op, a non-finite number",
                "404", "unknown session, tensor, module or optimizer",
                "408", "a body still arriving after backprop.limits.body-read-timeout (the connection is closed)",
                "413", "a body, a tensor, an answer or one request's memory over the configured limits",
                "415", "a body that is not JSON (a wildcard or unparsable Content-Type, a form)",
                "422", "a well-formed request that PyTorch would refuse",
                "429", "a quota (sessions, bytes, graph nodes, jobs' memory, event streams) is full; Retry-After says when to try again",
                "503", "saturated (requests' memory) or over the request's time budget; Retry-After says when to try again");
        return api -> {
            if (api.getComponents() == null) api.setComponents(new Components());
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            addProblems(api, statuses);
        };
    }

    private static void addProblems(OpenAPI api, Map<String, String> statuses) {
        api.getPaths().values().forEach(path -> path.readOperations().forEach(op -> statuses.forEach((status, why) -> {
            if (op.getResponses().get(status) == null) {
                ApiResponse response = new ApiResponse().description(why).content(new Content().addMediaType(
                        "application/problem+json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
                if (status.equals("429") || status.equals("503")) {
                    response.addHeaderObject("Retry-After", new Header().description("seconds after which the request may succeed")
                            .schema(new Schema<>().types(Set.of("integer"))));
                }
                op.getResponses().addApiResponse(status, response);
            }
        })));
    }
}
