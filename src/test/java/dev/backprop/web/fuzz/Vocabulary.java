package dev.backprop.web.fuzz;

import dev.backprop.engine.OpRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Valid values that the schema alone cannot tell: names of the fixture's tensors, modules and optimizers, op
 * names and keyword arguments, layers, tensor data, and small sizes for jobs. Each value is JSON text, keyed
 * by the schema that owns the field and the field's name.
 */
final class Vocabulary {
    private static final List<String> OPS = Stream.concat(OpRegistry.all().stream().map(OpRegistry.OpDef::name), Stream.of("call"))
            .toList();
    private static final List<String> ATTRS = List.of("dim", "keepdim", "size", "data", "value", "min", "max", "dim0", "dim1",
            "shape", "mean", "std", "start", "end", "step", "dtype", "alpha", "reduction", "weight", "pos_weight", "module",
            "requires_grad", "fill_value", "length", "index", "from", "to", "beta", "dims", "keep_dim");

    private final OddValues odd;
    private final Fixture fixture;

    Vocabulary(OddValues odd, Fixture fixture) {
        this.odd = odd;
        this.fixture = fixture;
    }

    /** A valid value for this field of this schema, when the schema alone would not find one. */
    Optional<String> value(String owner, String field) {
        String v = switch (owner + "." + field) {
            case "Op.op" -> Json.quote(odd.pick(OPS));
            case "Op.inputs" -> list(0, 3, this::input);
            case "Op.attrs" -> attrs();
            case "Op.out" -> odd.chance(80) ? Json.quote(freshName()) : list(1, 2, () -> Json.quote(freshName()));
            case "CreateTensorRequest.name" -> Json.quote(odd.chance(80) ? freshName() : odd.pick(Fixture.TENSORS));
            case "GradRequest.out" -> list(1, odd.chance(90) ? 1 : 2, () -> Json.quote(freshName()));
            case "CreateTensorRequest.data" -> data(odd.between(0, 3));
            case "BackwardRequest.tensors", "GradRequest.outputs" -> list(1, 2, () -> Json.quote(odd.pick(List.of("loss", "u", "y", "s", freshName()))));
            case "BackwardRequest.inputs", "GradRequest.inputs" -> list(1, odd.chance(80) ? 1 : 2,
                    () -> Json.quote(odd.chance(70) ? odd.pick(List.of("w", "s")) : tensorName()));
            case "BackwardRequest.gradTensors", "GradRequest.gradOutputs" -> odd.chance(60) ? "null"
                    : list(1, odd.chance(90) ? 1 : 2, () -> odd.chance(50) ? Json.quote(tensorName()) : data(odd.between(0, 1)));
            case "SequentialModuleRequest.name", "NamedChildrenModuleRequest.name" -> Json.quote(odd.pick(List.of("net2", "mlp", "head", Fixture.MODULE, freshName())));
            case "SequentialModuleRequest.layers" -> list(1, 3, this::layer);
            case "NamedChildrenModuleRequest.layers" -> children();
            case "CreateOptimizerRequest.name" -> Json.quote(odd.pick(List.of("opt", "opt2", Fixture.OPTIMIZERS.getFirst(), freshName())));
            case "CreateOptimizerRequest.params" -> odd.chance(60) ? Json.array(List.of(Json.quote(Fixture.MODULE)))
                    : list(1, 2, () -> Json.quote(odd.pick(List.of("w", "s", "m", "x", Fixture.PARAMETERS.getFirst()))));
            case "CreateOptimizerRequest.betas" -> Json.array(List.of(decimal(0.8, 0.95), decimal(0.95, 0.9999)));
            case "CreateOptimizerRequest.lr" -> decimal(0.0001, 0.5);
            case "CreateOptimizerRequest.momentum", "CreateOptimizerRequest.dampening" -> decimal(0, 0.95);
            case "CreateOptimizerRequest.eps" -> "1e-8";
            case "CreateOptimizerRequest.weightDecay" -> decimal(0, 0.1);
            case "CreateJobRequest.optimizer" -> jobOptimizer();
            case "CreateSchedulerRequest.name" -> Json.quote(odd.pick(List.of("sched", Fixture.SCHEDULER, freshName())));
            case "CreateSchedulerRequest.stepSize", "CreateSchedulerRequest.tMax", "CreateSchedulerRequest.totalIters" ->
                    Integer.toString(odd.between(1, 10));
            case "CreateSchedulerRequest.gamma", "CreateSchedulerRequest.startFactor", "CreateSchedulerRequest.endFactor" -> decimal(0.1, 1.0);
            case "CreateSchedulerRequest.etaMin" -> decimal(0, 0.01);
            case "CreateJobRequest.maxIterations" -> Integer.toString(odd.between(0, 60));
            case "CreateJobRequest.logEvery" -> Integer.toString(odd.between(1, 20));
            case "CreateJobRequest.targetAccuracy" -> decimal(0.5, 1.0);
            case "CreateJobRequest.seed", "SeedRequest.seed", "CreateSessionRequest.seed" -> Long.toString(odd.random().nextLong(-(1L << 40), 1L << 40));
            case "SyntheticSamples.samplesPerClass" -> Integer.toString(odd.between(1, 40));
            case "SyntheticSamples.features" -> Integer.toString(odd.between(1, 3));
            case "SyntheticSamples.meanValue", "SyntheticSamples.bias" -> decimal(-3, 3);
            case "InlineJobData.inline" -> odd.chance(80) ? inline() : null;
            case "SessionSamples.id" -> Json.quote(fixture.sessionId());
            case "SessionSamples.x" -> Json.quote(odd.chance(80) ? "train_x" : tensorName());
            case "SessionSamples.y" -> Json.quote(odd.chance(80) ? "train_y" : tensorName());
            case "PredictRequest.x" -> rows(odd.between(1, 4), odd.chance(80) ? 2 : odd.between(1, 3));
            default -> null;
        };
        return Optional.ofNullable(v);
    }

    /** The fields one kind of a body takes beside its own required ones: those it needs and those it may have. */
    record Kind(List<String> needs, List<String> may) {}

    /**
     * The kinds of a body whose {@code type} decides which other fields it takes (PyTorch's keyword arguments of that
     * optimizer or scheduler), so that a valid body is more often one the type accepts.
     */
    Optional<Map<String, Kind>> kinds(String owner) {
        return Optional.ofNullable(switch (owner) {
            case "CreateSchedulerRequest" -> Map.of(
                    "step_lr", new Kind(List.of("stepSize"), List.of("gamma")),
                    "exponential_lr", new Kind(List.of("gamma"), List.of()),
                    "cosine_annealing_lr", new Kind(List.of("tMax"), List.of("etaMin")),
                    "linear_lr", new Kind(List.of(), List.of("startFactor", "endFactor", "totalIters")));
            case "CreateOptimizerRequest" -> Map.of(
                    "sgd", new Kind(List.of("lr"), List.of("momentum", "weightDecay", "maximize")),
                    "adam", new Kind(List.of(), List.of("lr", "betas", "eps", "weightDecay", "amsgrad", "maximize")),
                    "adamw", new Kind(List.of(), List.of("lr", "betas", "eps", "weightDecay", "amsgrad", "maximize")),
                    "rmsprop", new Kind(List.of(), List.of("lr", "alpha", "eps", "weightDecay", "momentum", "centered", "maximize")),
                    "adagrad", new Kind(List.of(), List.of("lr", "lrDecay", "weightDecay", "eps", "maximize")));
            default -> null;
        });
    }

    String tensorName() {
        return switch (odd.random().nextInt(10)) {
            case 0 -> odd.pick(Fixture.PARAMETERS);
            case 1 -> odd.pick(List.of("w.grad", "y.grad", "s.grad", "net.0.weight.grad"));
            case 2 -> freshName();
            default -> odd.pick(Fixture.TENSORS);
        };
    }

    String freshName() {
        return "t" + odd.between(0, 15);
    }

    String optimizerName() {
        return odd.chance(85) ? odd.pick(Fixture.OPTIMIZERS) : freshName();
    }

    /** A registered op's name, now and then one that names none. */
    String opName() {
        return odd.chance(85) ? odd.pick(OPS.subList(0, OPS.size() - 1)) : freshName();
    }

    String schedulerName() {
        return odd.chance(85) ? Fixture.SCHEDULER : freshName();
    }

    private String input() {
        return switch (odd.random().nextInt(10)) {
            case 0, 1, 2 -> number();
            case 3 -> list(1, 3, () -> Integer.toString(odd.between(1, 4)));
            default -> Json.quote(tensorName());
        };
    }

    private String attrs() {
        List<String> fields = new ArrayList<>();
        int n = odd.between(0, 2);
        for (int i = 0; i < n; i++) fields.add(Json.field(odd.pick(ATTRS), attr()));
        return Json.object(fields);
    }

    private String attr() {
        return switch (odd.random().nextInt(8)) {
            case 0 -> Integer.toString(odd.between(-2, 2));
            case 1 -> Boolean.toString(odd.random().nextBoolean());
            case 2 -> list(1, 3, () -> Integer.toString(odd.between(1, 3)));
            case 3 -> Json.quote(odd.pick(List.of("float32", "float64", "int64", "bool", "mean", "sum", "none", Fixture.MODULE)));
            case 4 -> Json.quote(tensorName());
            case 5 -> data(odd.between(0, 2));
            default -> number();
        };
    }

    private String layer() {
        return switch (odd.random().nextInt(4)) {
            case 0 -> Json.object(List.of(Json.field("type", "\"linear\""), Json.field("inFeatures", Integer.toString(odd.between(1, 4))),
                    Json.field("outFeatures", Integer.toString(odd.between(1, 4)))));
            case 1 -> Json.object(List.of(Json.field("type", "\"linear\""), Json.field("inFeatures", "2"), Json.field("outFeatures", "1"),
                    Json.field("bias", Boolean.toString(odd.random().nextBoolean()))));
            default -> Json.object(List.of(Json.field("type", Json.quote(odd.pick(List.of("sigmoid", "relu", "tanh"))))));
        };
    }

    private String children() {
        List<String> fields = new ArrayList<>();
        int n = odd.between(1, 3);
        for (int i = 0; i < n; i++) fields.add(Json.field(odd.pick(List.of("fc", "act", "head", "body", "c" + i)), layer()));
        return Json.object(fields);
    }

    private String jobOptimizer() {
        List<String> fields = new ArrayList<>(List.of(Json.field("type", Json.quote(odd.pick(List.of("sgd", "adam", "adamw", "rmsprop", "adagrad"))))));
        if (odd.chance(70)) fields.add(Json.field("lr", decimal(0.001, 0.5)));
        if (odd.chance(40)) fields.add(Json.field("momentum", decimal(0, 0.95)));
        if (odd.chance(20)) fields.add(Json.field("betas", Json.array(List.of(decimal(0.8, 0.95), decimal(0.95, 0.9999)))));
        return Json.object(fields);
    }

    private String inline() {
        int n = odd.between(2, 8), features = odd.between(1, 3);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) labels.add(Integer.toString(i % 2));
        return Json.object(List.of(Json.field("x", rows(n, features)), Json.field("y", Json.array(labels))));
    }

    private String rows(int n, int features) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) rows.add(list(features, features, () -> decimal(-3, 3)));
        return Json.array(rows);
    }

    /** Nested lists of numbers of this rank (a bare number for rank 0), now and then of booleans or integers. */
    String data(int rank) {
        int[] shape = new int[rank];
        for (int d = 0; d < rank; d++) shape[d] = odd.between(1, 3);
        return nestedData(shape, 0, odd.random().nextInt(10));
    }

    private String nestedData(int[] shape, int dim, int kind) {
        if (dim == shape.length) {
            return switch (kind) {
                case 0 -> Boolean.toString(odd.random().nextBoolean());
                case 1, 2 -> Integer.toString(odd.between(-5, 5));
                default -> decimal(-5, 5);
            };
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < shape[dim]; i++) items.add(nestedData(shape, dim + 1, kind));
        return Json.array(items);
    }

    private String number() {
        return odd.chance(50) ? Integer.toString(odd.between(-3, 3)) : decimal(-3, 3);
    }

    String decimal(double low, double high) {
        double v = low + (high - low) * odd.random().nextDouble();
        return Double.toString(Math.round(v * 10_000) / 10_000.0);
    }

    private String list(int min, int max, java.util.function.Supplier<String> item) {
        int n = odd.between(min, max);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) items.add(item.get());
        return Json.array(items);
    }
}
