package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.backprop.client.ApiClient;
import dev.backprop.client.ApiException;
import dev.backprop.client.api.AutogradApi;
import dev.backprop.client.api.OpsApi;
import dev.backprop.client.api.SessionsApi;
import dev.backprop.client.api.TensorsApi;
import dev.backprop.client.model.BackwardRequest;
import dev.backprop.client.model.CreateSessionRequest;
import dev.backprop.client.model.CreateTensorRequest;
import dev.backprop.client.model.Op;
import dev.backprop.client.model.OpAnswer;
import dev.backprop.client.model.OpRequest;
import dev.backprop.client.model.SessionView;
import dev.backprop.client.model.TensorView;
import dev.backprop.client.model.UpdatedTensors;
import dev.backprop.web.fuzz.OpenApi;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Java client generated from openapi/openapi.yaml runs the seed's graph example against the service, and every
 * status the service answers it with is one the spec documents for that operation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GeneratedClientTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @LocalServerPort
    int port;

    @Test
    void seedGraphThroughTheGeneratedClient() throws Exception {
        OpenApi spec = OpenApi.read(Path.of("openapi/openapi.yaml"));
        List<String> undocumented = new CopyOnWriteArrayList<>();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        // a strict reader, as the spec's closed schemas are: a union's answer then matches exactly one of its members
        client.setObjectMapper(client.getObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
        client.setResponseInterceptor(response -> {
            seen.add(response.statusCode());
            String problem = undocumentedStatus(spec, response);
            if (problem != null) undocumented.add(problem);
        });
        SessionsApi sessions = new SessionsApi(client);
        TensorsApi tensors = new TensorsApi(client);
        OpsApi ops = new OpsApi(client);
        AutogradApi autograd = new AutogradApi(client);

        SessionView session = sessions.createSession(null, new CreateSessionRequest().seed(1L));
        String sid = session.getId();
        TensorView w = tensors.createTensor(sid, new CreateTensorRequest().name("w").data(JSON.arrayNode().add(1.0))
                .requiresGrad(true).dtype(CreateTensorRequest.DtypeEnum.FLOAT32), null);
        tensors.createTensor(sid, new CreateTensorRequest().name("x").data(JSON.arrayNode().add(2.0)).requiresGrad(true), null);
        assertThat(w.getIsLeaf()).isTrue();
        OpAnswer a = ops.runOps(sid, new OpRequest(new Op().op("add").inputs(List.of(TextNode.valueOf("w"), TextNode.valueOf("x")))
                .out(TextNode.valueOf("a"))), null);
        ops.runOps(sid, new OpRequest(new Op().op("add").inputs(List.of(TextNode.valueOf("w"), JSON.numberNode(1L))).out(TextNode.valueOf("b"))), null);
        OpAnswer y = ops.runOps(sid, new OpRequest(new Op().op("mul").inputs(List.of(TextNode.valueOf("a"), TextNode.valueOf("b")))
                .out(TextNode.valueOf("y"))), null);
        assertThat(a.getTensorView().getGradFn()).isEqualTo("AddBackward0");
        assertThat(y.getTensorView().getGradFn()).isEqualTo("MulBackward0");
        OpAnswer dot = ops.runOps(sid, new OpRequest(new Op().op("einsum")
                .inputs(List.of(TextNode.valueOf("i,i->"), TextNode.valueOf("w"), TextNode.valueOf("x")))), null);
        assertThat(dot.getTensorView().getData().doubleValue()).isEqualTo(2.0);
        assertThat(y.getTensorView().getData()).isEqualTo(JSON.arrayNode().add(6.0));

        UpdatedTensors updated = autograd.backward(sid, new BackwardRequest().tensors(List.of("y")), null);
        assertThat(updated.getUpdated()).extracting(TensorView::getName).containsExactlyInAnyOrder("w", "x");
        assertThat(tensors.getTensor(sid, "w", true).getGrad()).isEqualTo(JSON.arrayNode().add(5.0));
        assertThat(tensors.getTensor(sid, "x.grad", true).getData()).isEqualTo(JSON.arrayNode().add(2.0));
        assertThat(tensors.getTensor(sid, "w", false).getData()).isNull();

        assertThatThrownBy(() -> autograd.backward(sid, new BackwardRequest().tensors(List.of("y")), null))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> {
                    ApiException api = (ApiException) e;
                    assertThat(api.getCode()).isEqualTo(422);
                    assertThat(api.getResponseBody()).contains("Trying to backward through the graph a second time", "graph-freed");
                });
        sessions.deleteSession(sid);
        assertThatThrownBy(() -> sessions.getSession(sid)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).getCode()).isEqualTo(404));

        assertThat(seen).contains(201, 200, 422, 204, 404);
        assertThat(undocumented).isEmpty();
    }

    /** A description of the answer when the spec does not document its status for the request's operation, else null. */
    private static String undocumentedStatus(OpenApi spec, HttpResponse<?> response) {
        String method = response.request().method();
        String path = response.request().uri().getPath();
        for (OpenApi.Operation op : spec.operations()) {
            if (op.method().equals(method) && path.matches(op.path().replaceAll("\\{[^}]+}", "[^/]+"))) {
                Set<String> statuses = op.statuses();
                return statuses.contains(Integer.toString(response.statusCode())) ? null
                        : method + " " + path + " answered " + response.statusCode() + ", which " + op.id() + " does not document";
            }
        }
        return method + " " + path + " is not in the spec";
    }
}
