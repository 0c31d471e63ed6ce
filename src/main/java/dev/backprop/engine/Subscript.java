package dev.backprop.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A Python subscript, {@code x[key]}, as PyTorch 1.13 applies it ({@code torch/csrc/autograd/python_variable_indexing.cpp},
 * {@code ATen/TensorIndexing.h}): ints select, slices slice, None unsqueezes and {@code ...} skips dims, all as views;
 * index tensors (int64 or bool, from names or int lists) are then applied together as advanced indexing, a copy.
 * The key is parsed by {@link SubscriptParser} from the text a Python user writes.
 */
final class Subscript {
    sealed interface Item {}

    record IntItem(long value) implements Item {}

    /** A slice as written: null where a bound was left out. */
    record SliceItem(Long start, Long stop, Long step) implements Item {}

    record NoneItem() implements Item {}

    record EllipsisItem() implements Item {}

    record BoolItem(boolean value) implements Item {}

    record TensorItem(Tensor tensor) implements Item {}

    final List<Item> items;

    Subscript(List<Item> items) {
        this.items = List.copyOf(items);
    }

    /** A key as an op receives it: the text of a subscript, a tensor, an int, a bool, or a list of ints or bools. */
    static Subscript of(Object key, Function<String, Tensor> names) {
        return switch (key) {
            case String text -> SubscriptParser.parse(text, names);
            case Tensor t -> new Subscript(List.of(new TensorItem(t)));
            case Boolean b -> new Subscript(List.of(new BoolItem(b)));
            case List<?> list -> new Subscript(List.of(new TensorItem(SubscriptParser.indexTensor(list))));
            default -> {
                if (!PythonValues.isInt(key)) {
                    throw EngineException.invalid(SubscriptParser.NOT_AN_INDEX + PythonValues.typeName(key) + ")");
                }
                yield new Subscript(List.of(new IntItem(PythonValues.unpackLong(key))));
            }
        };
    }

    /** {@code x[key]}: a view when the key has no index tensors, else {@code IndexBackward0}'s copy. */
    Tensor get(Tensor x) {
        if (items.size() == 1 && items.getFirst() instanceof EllipsisItem) return alias(x);
        List<Tensor> indices = new ArrayList<>();
        Tensor sliced = applyBasic(x, indices, false);
        if (indices.isEmpty()) return sliced == x ? alias(x) : sliced;
        return IndexKernels.index(sliced, indices);
    }

    /** {@code x[key] = value}: through {@code index_put_} with index tensors, else {@code copy_} into the view. */
    Tensor set(Tensor x, Tensor value) {
        List<Tensor> indices = new ArrayList<>();
        Tensor sliced = applyBasic(x, indices, true);
        if (indices.isEmpty()) {
            InPlace.apply(sliced, "copy_", s -> IndexKernels.copied(s, value), value);
        } else {
            Tensor values = value.dim() == 0 ? value : value.view(withoutLeadingOnes(value.shape));
            InPlace.apply(sliced, "index_put_", s -> IndexKernels.indexPut(s, indices, values, false), values);
        }
        return x;
    }

    /**
     * {@code applySlicing}: the views the basic items make, the index tensors recorded at the dims they index. On a write,
     * a slice that spans its whole dim ({@code 0:n}) makes no view, as PyTorch's slice optimization skips it.
     */
    private Tensor applyBasic(Tensor x, List<Tensor> indices, boolean write) {
        int specified = 0;
        for (Item item : items) {
            switch (item) {
                case IntItem i -> specified++;
                case SliceItem s -> specified++;
                case TensorItem t -> specified += t.tensor().dtype == DType.BOOL ? t.tensor().dim() : 1;
                default -> { }
            }
        }
        boolean singleInt = items.size() == 1 && items.getFirst() instanceof IntItem;
        if (specified > x.dim() && !singleInt) throw EngineException.invalid("too many indices for tensor of dimension " + x.dim());
        Tensor result = x;
        int dim = 0;
        for (Item item : items) {
            switch (item) {
                case IntItem i -> result = select(result, dim, i.value());
                case SliceItem s -> result = SliceView.slice(result, dim++, s, write);
                case NoneItem n -> result = result.unsqueeze(dim++);
                case EllipsisItem e -> dim += x.dim() - specified;
                case BoolItem b -> {
                    result = result.unsqueeze(dim);
                    record(indices, dim++, Tensor.of(b.value() ? new long[] {0} : new long[0], b.value() ? 1 : 0));
                }
                case TensorItem t -> {
                    Tensor index = t.tensor();
                    if (index.dim() == 0 && index.dtype == DType.INT64) {
                        result = select(result, dim, (long) index.item());
                    } else if (index.dim() == 0 && index.dtype == DType.BOOL) {
                        result = result.unsqueeze(dim);
                        record(indices, dim++, Tensor.of(index.item() != 0 ? new long[] {0} : new long[0], index.item() != 0 ? 1 : 0));
                    } else {
                        record(indices, dim++, index);
                    }
                }
            }
        }
        return result;
    }

    private static void record(List<Tensor> indices, int dim, Tensor index) {
        while (indices.size() < dim) indices.add(null);
        indices.add(index);
    }

    /** {@code applySelect}: PyTorch's IndexError texts for a 0-d tensor and an index out of range. */
    private static Tensor select(Tensor x, int dim, long index) {
        if (x.dim() == 0) {
            throw EngineException.invalid("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ "
                    + "to convert a 0-dim tensor to a number");
        }
        int size = x.shape[dim];
        if (index < -size || index >= size) {
            throw EngineException.invalid("index " + index + " is out of bounds for dimension " + dim + " with size " + size);
        }
        return x.select(dim, (int) index);
    }

    /** {@code x[...]} and a key that changes nothing: {@code alias} ({@code AliasBackward0}). */
    private static Tensor alias(Tensor x) {
        Tensor r = x.asView(x.shape, x.strides, x.offset);
        if (Graph.needsGrad(x)) Graph.record("AliasBackward0", r, new Tensor[] {x}, new Tensor[0], ctx -> Graph.one(ctx.grad()));
        return r;
    }

    /** {@code slicePrefix1sSize}: the value's shape without its leading ones. */
    private static int[] withoutLeadingOnes(int[] shape) {
        int k = 0;
        while (k < shape.length && shape[k] == 1) k++;
        return Arrays.copyOfRange(shape, k, shape.length);
    }
}
