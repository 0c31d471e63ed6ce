package dev.backprop.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** The request bodies of the session API. */
final class Requests {
    private Requests() {}

    @Schema(description = "Options of a new session", example = "{\"seed\": 1}")
    record CreateSession(@Schema(description = "torch.manual_seed for the session's generator; PyTorch's default seed when "
            + "omitted", nullable = true) Long seed) {}

    @Schema(description = "Re-seeds the session's generator", example = "{\"seed\": 7}")
    record Seed(Long seed) {}

    @Schema(description = "A leaf tensor from literal data", example = """
            {"name": "w", "data": [1.0], "requiresGrad": true, "dtype": "float32"}""")
    record CreateTensor(
            String name,
            @Schema(description = "nested lists give the shape; a bare number is a 0-d tensor") Object data,
            @Schema(nullable = true) Boolean requiresGrad,
            @Schema(allowableValues = {"float32", "float64", "int64", "bool"}, nullable = true,
                    description = "float32 for float data, as PyTorch; inferred from the data when omitted") String dtype) {}

    @Schema(description = "One op, or a batch of ops in 'ops' that runs atomically", example = """
            {"op": "add", "inputs": ["w", "x"], "out": "a"}""")
    record Op(
            @Schema(description = "PyTorch's op name (add, mul, sum, add_, ...)") String op,
            @Schema(description = "tensor names and Python numbers") List<Object> inputs,
            @Schema(description = "keyword arguments", nullable = true) Map<String, Object> attrs,
            @Schema(description = "the name to bind (or a list of names for several results); fresh names when omitted")
            Object out,
            @Schema(description = "run under torch.no_grad()", nullable = true) Boolean noGrad,
            @Schema(description = "a batch: these ops in order, all or nothing", nullable = true) List<Op> ops,
            @Schema(description = "a batch's answer: every op's results (all, the default), the last op's (last) or none",
                    allowableValues = {"all", "last", "none"}, nullable = true) String returns) {}

    @Schema(description = "torch.autograd.backward", example = """
            {"tensors": ["loss"], "gradTensors": null, "retainGraph": false, "createGraph": false, "inputs": null}""")
    record Backward(List<String> tensors,
                    @Schema(description = "per tensor: literal data or a tensor name", nullable = true) List<Object> gradTensors,
                    @Schema(nullable = true) Boolean retainGraph,
                    @Schema(nullable = true) Boolean createGraph,
                    @Schema(nullable = true) List<String> inputs) {}

    @Schema(description = "torch.autograd.grad", example = """
            {"outputs": ["y"], "inputs": ["x"], "createGraph": true, "out": ["grad_1"]}""")
    record Grad(List<String> outputs, List<String> inputs,
                @Schema(nullable = true) List<Object> gradOutputs,
                @Schema(nullable = true) Boolean retainGraph,
                @Schema(nullable = true) Boolean createGraph,
                @Schema(nullable = true) Boolean allowUnused,
                @Schema(nullable = true) List<String> out) {}

    @Schema(description = "torch.nn.Sequential (a list of layers) or a module with named children (an object)", example = """
            {"name": "lr_net", "layers": [{"type": "linear", "inFeatures": 2, "outFeatures": 1}, {"type": "sigmoid"}]}""")
    record CreateModule(String name, Object layers) {}

    @Schema(description = "torch.optim.SGD or Adam over modules' parameters or tensors", example = """
            {"name": "opt", "type": "sgd", "params": ["lr_net"], "lr": 0.01, "momentum": 0.9}""")
    record CreateOptimizer(String name,
                           @Schema(allowableValues = {"sgd", "adam"}) String type,
                           List<String> params,
                           @Schema(nullable = true) Double lr,
                           @Schema(nullable = true) Double momentum,
                           @Schema(nullable = true) Double dampening,
                           @Schema(nullable = true) Double weightDecay,
                           @Schema(nullable = true) Boolean nesterov,
                           @Schema(nullable = true) List<Double> betas,
                           @Schema(nullable = true) Double eps,
                           @Schema(nullable = true) Boolean amsgrad,
                           @Schema(nullable = true) Boolean maximize) {}
}
