package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.graph.GraphEdge;
import dev.backprop.graph.GraphModel;
import dev.backprop.graph.GraphNode;
import dev.backprop.web.fuzz.OpenApi;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The written contract and the code say the same: every API route and its query parameters are in
 * {@code openapi/openapi.yaml} and nothing else is, and every schema's properties are the fields of the record
 * the service reads or writes for it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpecMatchesCodeTest {
    /** Each schema and the record behind it; a union's members together are the record's fields. */
    private static final Map<String, Class<?>> RECORDS = Map.ofEntries(
            Map.entry("SessionView", SessionView.class),
            Map.entry("TensorView", TensorView.class),
            Map.entry("TensorInfo", TensorInfo.class),
            Map.entry("OpResults", Responses.Batch.class),
            Map.entry("UpdatedTensors", Responses.Updated.class),
            Map.entry("Gradients", Responses.Grads.class),
            Map.entry("ModuleView", Responses.Module.class),
            Map.entry("OptimizerView", Responses.Optimizer.class),
            Map.entry("GraphView", GraphModel.class),
            Map.entry("GraphNode", GraphNode.class),
            Map.entry("GraphEdge", GraphEdge.class),
            Map.entry("JobView", JobView.class),
            Map.entry("JobMetrics", JobView.Metrics.class),
            Map.entry("JobResult", JobView.Result.class),
            Map.entry("CreateSessionRequest", Requests.CreateSession.class),
            Map.entry("SeedRequest", Requests.Seed.class),
            Map.entry("CreateTensorRequest", Requests.CreateTensor.class),
            Map.entry("BackwardRequest", Requests.Backward.class),
            Map.entry("GradRequest", Requests.Grad.class),
            Map.entry("CreateOptimizerRequest", Requests.CreateOptimizer.class),
            Map.entry("CreateSchedulerRequest", Requests.CreateScheduler.class),
            Map.entry("SchedulerView", Responses.Scheduler.class),
            Map.entry("CreateJobRequest", JobRequests.Create.class),
            Map.entry("SyntheticSamples", JobRequests.Synthetic.class),
            Map.entry("InlineSamples", JobRequests.Inline.class),
            Map.entry("SessionSamples", JobRequests.SessionData.class),
            Map.entry("JobOptimizer", JobRequests.Optimizer.class),
            Map.entry("PredictRequest", JobRequests.Predict.class),
            Map.entry("Op", Requests.Op.class),
            Map.entry("OpBatch", Requests.OpBatch.class));
    private static final Map<List<String>, Class<?>> UNIONS = Map.of(
            List.of("SequentialModuleRequest", "NamedChildrenModuleRequest"), Requests.CreateModule.class,
            List.of("SyntheticJobData", "InlineJobData", "SessionJobData"), JobRequests.Data.class);

    private static final OpenApi SPEC = spec();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyRouteAndQueryParameterIsInTheSpecAndNoOther() {
        Set<String> documented = new TreeSet<>();
        for (OpenApi.Operation op : SPEC.operations()) {
            documented.add(op.method() + " " + op.path() + " " + op.parameters().stream().filter(p -> p.in().equals("query"))
                    .map(OpenApi.Parameter::name).collect(Collectors.toCollection(TreeSet::new)));
        }
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/v1/")) continue;
                for (var method : info.getMethodsCondition().getMethods()) {
                    served.add(method.name() + " " + path + " " + requestParams(handler));
                }
            }
        });
        assertThat(served).isEqualTo(documented);
    }

    @Test
    void everySchemaHasTheFieldsOfItsRecord() {
        RECORDS.forEach((schema, record) -> assertThat(properties(schema)).as(schema).isEqualTo(fields(record)));
        UNIONS.forEach((members, record) -> {
            Set<String> union = new TreeSet<>();
            members.forEach(m -> union.addAll(properties(m)));
            assertThat(union).as(String.join(" | ", members)).isEqualTo(fields(record));
        });
    }

    private static Set<String> properties(String schema) {
        return new TreeSet<>(((Map<?, ?>) SPEC.schema(schema).getOrDefault("properties", Map.of())).keySet().stream()
                .map(String::valueOf).toList());
    }

    private static Set<String> fields(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> requestParams(HandlerMethod handler) {
        Set<String> names = new TreeSet<>();
        for (var parameter : handler.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) continue;
            String name = param.value().isEmpty() ? param.name() : param.value();
            names.add(name.isEmpty() ? parameter.getParameterName() : name);
        }
        return names;
    }

    private static OpenApi spec() {
        try {
            return OpenApi.read(Path.of("openapi/openapi.yaml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
