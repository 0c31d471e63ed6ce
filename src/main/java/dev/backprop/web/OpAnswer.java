package dev.backprop.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The documented shape of {@code POST /ops}' answer, for generated clients: a tensor view for one op,
 * or {@code results} for a batch or an op with several results. The answers themselves are
 * {@link TensorView} and {@link Responses.Batch}.
 */
@Schema(name = "OpAnswer", description = "One op: the view of its result (TensorView's fields). A batch, or an op with several "
        + "results: 'results' holds their views in order.", example = """
        {"name": "a", "shape": [1], "dtype": "float32", "requiresGrad": true, "isLeaf": false, "gradFn": "AddBackward0",
         "retainsGrad": false, "version": 0, "data": [3.0], "grad": null}""")
record OpAnswer(String name, List<Integer> shape, String dtype, Boolean requiresGrad, Boolean isLeaf, String gradFn,
                Boolean retainsGrad, Integer version, Object data, Object grad,
                @Schema(description = "the views of a batch's results") List<TensorView> results) {}
