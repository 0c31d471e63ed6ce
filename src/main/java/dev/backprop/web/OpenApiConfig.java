package dev.backprop.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
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

    @Bean
    OpenAPI backpropOpenApi() {
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457 problem details with a stable code; where PyTorch raises, detail is PyTorch's message")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema().description("stable machine-readable code, e.g. shape-mismatch"))
                .addProperty("opIndex", new IntegerSchema().description("the failing op of a batch"))
                .example(Map.of("type", "https://backprop.dev/problems/graph-freed", "title", "Unprocessable Entity", "status", 422,
                        "detail", "Trying to backward through the graph a second time (or directly access saved tensors after "
                                + "they have already been freed). ...", "code", "graph-freed"));
        return new OpenAPI()
                .info(new Info().title("Backprop").version("v1")
                        .description("PyTorch's autograd over HTTP: sessions of named tensors, ops that build the dynamic graph as "
                                + "they run, backward and grad, modules and optimizers — with PyTorch's semantics and numbers.")
                        .license(new License().name("Apache-2.0")))
                .servers(List.of(new Server().url("/")))
                .components(new Components().addSchemas(PROBLEM, problem));
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        Map<String, String> statuses = Map.of(
                "400", "malformed JSON, a missing or ill-typed field, an unknown op, a non-finite number",
                "404", "unknown session, tensor, module or optimizer",
                "413", "a body or a tensor over the configured limits",
                "422", "a well-formed request that PyTorch would refuse",
                "429", "a quota (sessions, bytes, graph nodes) is full");
        return api -> api.getPaths().values().forEach(path -> path.readOperations().forEach(op -> statuses.forEach((status, why) -> {
            if (op.getResponses().get(status) == null) {
                op.getResponses().addApiResponse(status, new ApiResponse().description(why).content(new Content().addMediaType(
                        "application/problem+json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
            }
        })));
    }
}
