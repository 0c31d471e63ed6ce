package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.client.ApiClient;
import dev.backprop.client.ApiException;
import dev.backprop.client.api.AutogradApi;
import dev.backprop.client.api.OpsApi;
import dev.backprop.client.api.SessionsApi;
import dev.backprop.client.api.TensorsApi;
import dev.backprop.client.model.Backward;
import dev.backprop.client.model.CreateSession;
import dev.backprop.client.model.CreateTensor;
import dev.backprop.client.model.Op;
import dev.backprop.client.model.OpAnswer;
import dev.backprop.client.model.SessionView;
import dev.backprop.client.model.TensorView;
import dev.backprop.client.model.Updated;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Java client generated from openapi/openapi.yaml runs the seed's graph example against the service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GeneratedClientTest {
    @LocalServerPort
    int port;

    @Test
    void seedGraphThroughTheGeneratedClient() throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        SessionsApi sessions = new SessionsApi(client);
        TensorsApi tensors = new TensorsApi(client);
        OpsApi ops = new OpsApi(client);
        AutogradApi autograd = new AutogradApi(client);

        SessionView session = sessions.createSession(new CreateSession().seed(1L));
        String sid = session.getId();
        tensors.createTensor(sid, new CreateTensor().name("w").data(List.of(1.0)).requiresGrad(true).dtype(CreateTensor.DtypeEnum.FLOAT32), null);
        tensors.createTensor(sid, new CreateTensor().name("x").data(List.of(2.0)).requiresGrad(true).dtype(CreateTensor.DtypeEnum.FLOAT32), null);
        OpAnswer a = ops.runOps(sid, new Op().op("add").inputs(List.of("w", "x")).out("a"), null);
        ops.runOps(sid, new Op().op("add").inputs(List.of("w", 1)).out("b"), null);
        OpAnswer y = ops.runOps(sid, new Op().op("mul").inputs(List.of("a", "b")).out("y"), null);
        assertThat(a.getGradFn()).isEqualTo("AddBackward0");
        assertThat(y.getGradFn()).isEqualTo("MulBackward0");
        assertThat(y.getData()).isEqualTo(List.of(6.0));

        Updated updated = autograd.backward(sid, new Backward().tensors(List.of("y")), null);
        assertThat(updated.getUpdated()).extracting(TensorView::getName).containsExactlyInAnyOrder("w", "x");
        @SuppressWarnings("unchecked")
        Map<String, Object> w = (Map<String, Object>) tensors.getTensor(sid, "w", true);
        assertThat(w.get("grad")).isEqualTo(List.of(5.0));

        assertThatThrownBy(() -> autograd.backward(sid, new Backward().tensors(List.of("y")), null))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> {
                    ApiException api = (ApiException) e;
                    assertThat(api.getCode()).isEqualTo(422);
                    assertThat(api.getResponseBody()).contains("Trying to backward through the graph a second time", "graph-freed");
                });
        sessions.deleteSession(sid);
    }
}
