package dev.backprop.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * ATen's advanced indexing plan ({@code aten/src/ATen/native/TensorAdvancedIndexing.cpp}, {@code IndexingUtils.h}): a
 * list of index tensors, null where a dim is taken whole, becomes the result's shape and, for each result element, the
 * row-major position of the element it reads in the indexed tensor. Bool masks become the positions of their true
 * elements; the index tensors broadcast together; when the indexed dims are not adjacent the broadcast dims go first.
 */
final class AdvancedIndex {
    final int[] resultShape;
    /** For each result element in row-major order, its row-major position in the indexed tensor. */
    final int[] positions;

    private AdvancedIndex(int[] resultShape, int[] positions) {
        this.resultShape = resultShape;
        this.positions = positions;
    }

    static AdvancedIndex of(int[] shape, List<Tensor> indices) {
        List<Tensor> expanded = expandMasks(shape, indices);
        if (expanded.size() > shape.length) {
            throw EngineException.invalid("too many indices for tensor of dimension " + shape.length + " (got " + expanded.size() + ")");
        }
        int rank = shape.length;
        List<Integer> indexed = new ArrayList<>();
        int[] broadcast = null;
        for (int d = 0; d < expanded.size(); d++) {
            Tensor t = expanded.get(d);
            if (t == null) continue;
            indexed.add(d);
            broadcast = broadcast == null ? t.shape : broadcastIndices(broadcast, t.shape, expanded);
        }
        if (broadcast == null) broadcast = new int[0];
        AllocationLimit.check(broadcast, Shapes.numel(broadcast));
        boolean adjacent = indexed.isEmpty() || indexed.getLast() - indexed.getFirst() == indexed.size() - 1;
        int first = indexed.isEmpty() ? 0 : indexed.getFirst();
        List<Integer> before = new ArrayList<>(), after = new ArrayList<>();
        for (int d = 0; d < rank; d++) {
            if (indexed.contains(d)) continue;
            (adjacent && d < first ? before : after).add(d);
        }
        int[] resultShape = concat(dimsOf(shape, before), broadcast, dimsOf(shape, after));
        AllocationLimit.check(resultShape, Shapes.numel(resultShape));
        int[] strides = Shapes.contiguousStrides(shape);
        int[] outer = combos(shape, strides, before), inner = combos(shape, strides, after);
        int[] middle = indexedPositions(shape, strides, expanded, indexed, broadcast);
        AllocationLimit.charge(4L * outer.length * middle.length * inner.length);
        int[] positions = new int[outer.length * middle.length * inner.length];
        int k = 0;
        for (int o : outer) {
            for (int m : middle) {
                for (int i : inner) positions[k++] = o + m + i;
            }
        }
        return new AdvancedIndex(resultShape, positions);
    }

    /** {@code expandTensors}: each bool mask becomes one long index per dim it covers, after checking its shape. */
    private static List<Tensor> expandMasks(int[] shape, List<Tensor> indices) {
        List<Tensor> out = new ArrayList<>();
        for (Tensor t : indices) {
            if (t != null && t.dtype != DType.INT64 && t.dtype != DType.BOOL) {
                throw EngineException.invalid("tensors used as indices must be long, byte or bool tensors");
            }
            if (t == null || t.dtype == DType.INT64) {
                out.add(t);
                continue;
            }
            int start = out.size();
            for (int j = 0; j < t.dim(); j++) {
                int d = Shapes.wrapDim(start + j, shape.length);
                if (t.shape[j] != shape[d]) {
                    throw EngineException.shape("The shape of the mask " + Shapes.format(t.shape) + " at index " + j
                            + " does not match the shape of the indexed tensor " + Shapes.format(shape) + " at index " + d);
                }
            }
            out.addAll(nonzero(t));
        }
        return out;
    }

    /** The coordinates of a mask's true elements, one long tensor per dim. */
    private static List<Tensor> nonzero(Tensor mask) {
        boolean[] m = mask.readBool();
        int count = 0;
        for (boolean b : m) if (b) count++;
        int rank = mask.dim();
        long[][] coords = new long[rank][count];
        int[] strides = Shapes.contiguousStrides(mask.shape);
        for (int i = 0, k = 0; i < m.length; i++) {
            if (!m[i]) continue;
            for (int d = 0; d < rank; d++) coords[d][k] = (i / strides[d]) % mask.shape[d];
            k++;
        }
        List<Tensor> out = new ArrayList<>();
        for (long[] c : coords) out.add(Tensor.of(c, count));
        return out;
    }

    private static int[] broadcastIndices(int[] a, int[] b, List<Tensor> all) {
        try {
            return Shapes.broadcast(a, b);
        } catch (EngineException e) {
            List<String> shapes = new ArrayList<>();
            for (Tensor t : all) if (t != null) shapes.add(Shapes.format(t.shape));
            throw EngineException.invalid("shape mismatch: indexing tensors could not be broadcast together with shapes "
                    + String.join(", ", shapes));
        }
    }

    /** For each element of the broadcast index shape, the summed offsets its index values select, bounds-checked. */
    private static int[] indexedPositions(int[] shape, int[] strides, List<Tensor> indices, List<Integer> indexed, int[] broadcast) {
        int n = Shapes.numel(broadcast);
        int[] out = new int[n];
        for (int d : indexed) {
            long[] v = ShapeOps.expandView(indices.get(d), broadcast).readI64();
            int size = shape[d];
            for (int i = 0; i < n; i++) {
                long idx = v[i];
                if (idx < -size || idx >= size) {
                    throw EngineException.invalid("index " + idx + " is out of bounds for dimension " + d + " with size " + size);
                }
                out[i] += (int) (idx < 0 ? idx + size : idx) * strides[d];
            }
        }
        return out;
    }

    /** The offsets of every combination of coordinates over {@code dims}, in row-major order. */
    private static int[] combos(int[] shape, int[] strides, List<Integer> dims) {
        int[] out = {0};
        for (int d : dims) {
            int[] next = new int[out.length * shape[d]];
            int k = 0;
            for (int o : out) {
                for (int i = 0; i < shape[d]; i++) next[k++] = o + i * strides[d];
            }
            out = next;
        }
        return out;
    }

    private static int[] dimsOf(int[] shape, List<Integer> dims) {
        int[] out = new int[dims.size()];
        for (int i = 0; i < out.length; i++) out[i] = shape[dims.get(i)];
        return out;
    }

    private static int[] concat(int[] a, int[] b, int[] c) {
        int[] out = new int[a.length + b.length + c.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        System.arraycopy(c, 0, out, a.length + b.length, c.length);
        return out;
    }
}
