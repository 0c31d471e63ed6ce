package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.engine.OpRegistry;
import dev.backprop.engine.OpSamples;
import dev.backprop.engine.OpTag;
import dev.backprop.engine.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /ops} lists every registered op as its definition declares it, and every listed op runs over HTTP. */
@ServiceTest
class OpCatalogApiTest extends ApiTest {
    @Test
    void everyRegisteredOpIsListedWithItsSignaturesTagsAndGradFns() {
        JsonNode ops = api.get("/ops").expect(200).json().get("ops");
        List<String> listed = new ArrayList<>();
        for (JsonNode op : ops) listed.add(op.get("name").stringValue());
        assertThat(listed).containsExactlyElementsOf(OpRegistry.all().stream().map(OpRegistry.OpDef::name).toList());

        JsonNode sub = api.get("/ops/sub").expect(200).json();
        assertThat(sub).isEqualTo(Api.JSON.readTree("""
                {"name": "sub", "signatures": ["sub(Tensor input, Tensor|Number other, *, Number alpha = 1)"], "tags": [],
                 "gradFns": ["SubBackward0"], "differentiable": true}"""));
        JsonNode mulInPlace = api.get("/ops/mul_").expect(200).json();
        assertThat(mulInPlace.get("tags").toString()).isEqualTo("[\"in_place\"]");
        assertThat(mulInPlace.get("differentiable").booleanValue()).as("gradients flow through an in-place op").isTrue();
        assertThat(api.get("/ops/detach_").expect(200).json().get("differentiable").booleanValue()).isFalse();
        assertThat(mulInPlace.get("signatures").get(0).stringValue()).isEqualTo("mul_(Tensor input, /, Tensor|Number other)");
        assertThat(api.get("/ops/rand").expect(200).json().get("tags").toString())
                .isEqualTo("[\"factory\",\"random\",\"non_differentiable\"]");
        assertThat(api.get("/ops/view").expect(200).json().get("tags").toString()).isEqualTo("[\"view\"]");
        api.get("/ops/frobnicate").problem(404, "op-not-found");
    }

    @Test
    void everyListedOpRunsOverHttpOnItsFirstSample() {
        List<String> failures = new ArrayList<>();
        try (var s = api.session(0L)) {
            for (JsonNode op : api.get("/ops").expect(200).json().get("ops")) {
                String name = op.get("name").stringValue();
                OpSamples.Sample sample = OpSamples.of(name).getFirst();
                List<Object> inputs = new ArrayList<>();
                int k = 0;
                boolean inPlace = OpRegistry.get(name).has(OpTag.IN_PLACE);
                for (Object value : OpSamples.inputs(sample, new Random(name.hashCode()))) {
                    if (value instanceof Tensor t) {
                        inputs.add(create(s, name + ".in" + k++, t, !inPlace));
                    } else if (value instanceof List<?> list && !list.isEmpty() && list.getFirst() instanceof Tensor) {
                        List<String> names = new ArrayList<>();
                        for (Object t : list) names.add(create(s, name + ".in" + k++, (Tensor) t, !inPlace));
                        inputs.add(names);
                    } else {
                        inputs.add(value);
                    }
                }
                Map<String, Object> call = new LinkedHashMap<>();
                call.put("op", name);
                call.put("inputs", inputs);
                call.put("attrs", sample.attrs());
                Api.Response r = s.op(Api.json(call));
                if (r.status() != 200) failures.add(name + ": " + r.status() + " " + r.body());
            }
        }
        assertThat(failures).isEmpty();
    }

    /** A tensor with the sample's values; an in-place op gets one that does not require grad, as a leaf it may change. */
    private static String create(Api.Session s, String name, Tensor t, boolean keepRequiresGrad) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("data", t.toNested());
        body.put("dtype", t.dtype().wireName());
        body.put("requiresGrad", keepRequiresGrad && t.requiresGrad());
        s.tensor(Api.json(body)).expect(201);
        return name;
    }
}
