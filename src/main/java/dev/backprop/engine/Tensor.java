package dev.backprop.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An n-dimensional array with PyTorch's semantics: a dtype, a shape and strides over a shared
 * {@link Storage}, and the autograd metadata that links it into the dynamic graph ({@code grad_fn},
 * {@code requires_grad}, {@code .grad}). Ops are methods here and delegate to the op families
 * ({@link UnaryOps}, {@link BinaryOps}, {@link Reductions}, {@link ShapeOps}, {@link LinAlg}).
 */
public final class Tensor {
    final Storage storage;
    final DType dtype;
    final int[] shape;
    final int[] strides;
    final int offset;
    final int numel;
    /** A Python number that an op received in a tensor's place; it ranks lowest in type promotion. */
    final boolean wrappedNumber;
    /** The tensor whose storage this view shares, or null when this tensor is not a view. */
    final Tensor viewBase;

    boolean requiresGradLeaf;
    Node gradFn;
    /** For a view: the version its {@code grad_fn} was made at; once the shared version moves on, it is remade. */
    int attrVersion;
    /** For a view: how it was made, which decides whether it may be changed in place (PyTorch's {@code CreationMeta}). */
    ViewCreation creation = ViewCreation.DEFAULT;
    int outputNr;
    Tensor grad;
    boolean retainsGrad;
    private AccumulateGrad accumulator;

    Tensor(Storage storage, DType dtype, int[] shape, int[] strides, int offset, boolean wrappedNumber, Tensor viewBase) {
        this.storage = storage;
        this.dtype = dtype;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
        this.numel = Shapes.numel(shape);
        this.wrappedNumber = wrappedNumber;
        this.viewBase = viewBase;
        this.attrVersion = storage.version;
    }

    Tensor(Storage storage, DType dtype, int[] shape) {
        this(storage, dtype, shape, Shapes.contiguousStrides(shape), 0, false, null);
    }

    // ---- construction ---------------------------------------------------------------------

    public static Tensor of(float[] data, int... shape) {
        checkLength(data.length, shape);
        return new Tensor(Storage.of(data), DType.FLOAT32, shape.clone());
    }

    public static Tensor of(double[] data, int... shape) {
        checkLength(data.length, shape);
        return new Tensor(Storage.of(data), DType.FLOAT64, shape.clone());
    }

    public static Tensor of(long[] data, int... shape) {
        checkLength(data.length, shape);
        return new Tensor(Storage.of(data), DType.INT64, shape.clone());
    }

    public static Tensor of(boolean[] data, int... shape) {
        checkLength(data.length, shape);
        return new Tensor(Storage.of(data), DType.BOOL, shape.clone());
    }

    /** A 0-d float32 tensor, {@code torch.tensor(v)}. */
    public static Tensor scalar(double v) {
        return of(new float[] {(float) v});
    }

    /** A Python number in a tensor's place (PyTorch's wrapped number): float64, int64 or bool, 0-d. */
    public static Tensor wrap(Object number) {
        Storage s;
        DType t;
        if (number instanceof Boolean b) {
            s = Storage.of(new boolean[] {b});
            t = DType.BOOL;
        } else if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            s = Storage.of(new long[] {((Number) number).longValue()});
            t = DType.INT64;
        } else if (number instanceof Number n) {
            s = Storage.of(new double[] {n.doubleValue()});
            t = DType.FLOAT64;
        } else {
            throw EngineException.invalid("expected a number but got " + number);
        }
        return new Tensor(s, t, new int[0], new int[0], 0, true, null);
    }

    static Tensor empty(DType dtype, int[] shape) {
        AllocationLimit.check(shape, Shapes.numel(shape));
        return new Tensor(Storage.allocate(dtype, Shapes.numel(shape)), dtype, shape);
    }

    private static void checkLength(int length, int[] shape) {
        if (Shapes.numel(shape) != length) {
            throw Shapes.viewError(shape, length);
        }
    }

    // ---- metadata -------------------------------------------------------------------------

    public int[] shape() {
        return shape.clone();
    }

    public int size(int dim) {
        return shape[Shapes.wrapDim(dim, shape.length)];
    }

    public int dim() {
        return shape.length;
    }

    public int numel() {
        return numel;
    }

    public DType dtype() {
        return dtype;
    }

    /** Bytes of element data this tensor addresses (views count their own elements). */
    public long nbytes() {
        return (long) numel * dtype.byteSize();
    }

    public boolean isContiguous() {
        int expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1) {
                if (strides[i] != expected) {
                    return false;
                }
                expected *= shape[i];
            }
        }
        return true;
    }

    /** Contiguous, starting at the storage's first element and spanning all of it. */
    boolean isDense() {
        return offset == 0 && storage.length() == numel && isContiguous();
    }

    /** A view requires grad when its base does, even one made in no-grad mode, which has no {@code grad_fn}. */
    public boolean requiresGrad() {
        return requiresGradLeaf || currentGradFn() != null || viewBase != null && viewBase.requiresGrad();
    }

    public boolean isLeaf() {
        return currentGradFn() == null;
    }

    public Node gradFn() {
        return currentGradFn();
    }

    /** PyTorch's class name of {@code grad_fn}, or null for a leaf. */
    public String gradFnName() {
        Node fn = currentGradFn();
        return fn == null ? null : fn.name();
    }

    public int outputNr() {
        currentGradFn();
        return outputNr;
    }

    /** {@code _base}: the tensor whose storage this view shares, or null when this tensor is no view. */
    public Tensor base() {
        return viewBase;
    }

    /**
     * This tensor's {@code grad_fn}, remade for a view whose base requires grad once an in-place op changed their
     * storage: {@code AsStridedBackward0} of the base's current history (VariableHooks::grad_fn,
     * torch/csrc/autograd/variable.cpp).
     */
    Node currentGradFn() {
        if (viewBase != null && attrVersion != storage.version && viewBase.requiresGrad()) {
            attrVersion = storage.version;
            Tensor base = viewBase;
            int[] index = ViewIndex.of(base, shape, strides, offset);
            int[] baseShape = base.shape, viewShape = shape;
            Node fn = new Node("AsStridedBackward0", new Edge[] {base.gradientEdge()}, new int[][] {baseShape},
                    new DType[] {base.dtype}, new Tensor[] {this},
                    ctx -> Graph.one(AsStrided.scatter(ctx.grad(), index, baseShape, viewShape)));
            if (gradFn != null) gradFn.moveRetained(outputNr, fn, 0);
            gradFn = fn;
            outputNr = 0;
        }
        return gradFn;
    }

    /** {@code .grad}: null where PyTorch's would be None. */
    public Tensor grad() {
        return grad;
    }

    /** Replaces {@code .grad}, as assigning {@code t.grad = g} or {@code t.grad = None} does. */
    public void setGrad(Tensor g) {
        if (g != null && (!Arrays.equals(g.shape, shape))) {
            throw EngineException.invalid("assigned grad has data of a different size");
        }
        if (g != null && g.dtype != dtype) {
            throw EngineException.invalid("assigned grad has data of a different type");
        }
        grad = g;
    }

    public boolean retainsGrad() {
        return retainsGrad;
    }

    /** The version counter shared with this tensor's views, bumped by every in-place op. */
    public int version() {
        return storage.version;
    }

    public boolean isView() {
        return viewBase != null;
    }

    /** The edge through which gradients reach this tensor, or null when none can. */
    Edge gradientEdge() {
        if (currentGradFn() != null) {
            return new Edge(gradFn, outputNr);
        }
        if (requiresGradLeaf) {
            return new Edge(gradAccumulator(), 0);
        }
        return null;
    }

    AccumulateGrad gradAccumulator() {
        if (accumulator == null) {
            accumulator = new AccumulateGrad(this);
        }
        return accumulator;
    }

    // ---- data access ----------------------------------------------------------------------

    /** The elements in row-major order as float32; never modify the array (it may be the storage). */
    float[] readF32() {
        if (dtype == DType.FLOAT32 && isDense()) {
            return storage.f32;
        }
        AllocationLimit.check(shape, numel);
        AllocationLimit.charge((long) numel * 4);
        float[] out = new float[numel];
        gather(out);
        return out;
    }

    double[] readF64() {
        if (dtype == DType.FLOAT64 && isDense()) {
            return storage.f64;
        }
        AllocationLimit.check(shape, numel);
        AllocationLimit.charge((long) numel * 8);
        double[] out = new double[numel];
        gather(out);
        return out;
    }

    long[] readI64() {
        if (dtype == DType.INT64 && isDense()) {
            return storage.i64;
        }
        AllocationLimit.check(shape, numel);
        AllocationLimit.charge((long) numel * 8);
        long[] out = new long[numel];
        gather(out);
        return out;
    }

    boolean[] readBool() {
        if (dtype == DType.BOOL && isDense()) {
            return storage.bool;
        }
        AllocationLimit.check(shape, numel);
        AllocationLimit.charge(numel);
        boolean[] out = new boolean[numel];
        gather(out);
        return out;
    }

    /** Copies the elements in row-major order into {@code dst}, converting to its element type. */
    private void gather(Object dst) {
        StridedCursor c = StridedCursor.of(this);
        switch (dst) {
            case float[] a -> { for (int i = 0; i < numel; i++) a[i] = (float) storage.getDouble(c.next()); }
            case double[] a -> { for (int i = 0; i < numel; i++) a[i] = storage.getDouble(c.next()); }
            case long[] a -> { for (int i = 0; i < numel; i++) a[i] = storage.getLong(c.next()); }
            case boolean[] a -> { for (int i = 0; i < numel; i++) a[i] = storage.getBool(c.next()); }
            default -> throw new IllegalArgumentException();
        }
    }

    /** Copies {@code src}'s elements (same shape, any dtype) into this tensor's storage through its strides. */
    void copyFrom(Tensor src) {
        boolean contiguous = isContiguous();
        StridedCursor c = StridedCursor.of(this);
        switch (dtype) {
            case FLOAT32 -> {
                float[] v = src.readF32();
                if (contiguous) System.arraycopy(v, 0, storage.f32, offset, numel);
                else for (int i = 0; i < numel; i++) storage.f32[c.next()] = v[i];
            }
            case FLOAT64 -> {
                double[] v = src.readF64();
                if (contiguous) System.arraycopy(v, 0, storage.f64, offset, numel);
                else for (int i = 0; i < numel; i++) storage.f64[c.next()] = v[i];
            }
            case INT64 -> {
                long[] v = src.readI64();
                if (contiguous) System.arraycopy(v, 0, storage.i64, offset, numel);
                else for (int i = 0; i < numel; i++) storage.i64[c.next()] = v[i];
            }
            case BOOL -> {
                boolean[] v = src.readBool();
                if (contiguous) System.arraycopy(v, 0, storage.bool, offset, numel);
                else for (int i = 0; i < numel; i++) storage.bool[c.next()] = v[i];
            }
        }
    }

    /**
     * The elements in row-major order as a new array of the dtype's element type: {@code float[]},
     * {@code double[]}, {@code long[]} or {@code boolean[]}.
     */
    public Object toFlat() {
        Tensor copy = Conversions.detachedCopy(this);
        return switch (dtype) {
            case FLOAT32 -> copy.storage.f32;
            case FLOAT64 -> copy.storage.f64;
            case INT64 -> copy.storage.i64;
            case BOOL -> copy.storage.bool;
        };
    }

    /** The elements in row-major order as a new float32 array. */
    public float[] toFloatArray() {
        return readF32().clone();
    }

    /** The single element as a double ({@code .item()}). */
    public double item() {
        if (numel != 1) {
            throw EngineException.invalid("a Tensor with " + numel + " elements cannot be converted to Scalar");
        }
        return storage.getDouble(offset);
    }

    /** The element at row-major position {@code i} as a double. */
    public double getDouble(int i) {
        if (isContiguous()) {
            return storage.getDouble(offset + i);
        }
        int pos = offset;
        for (int d = shape.length - 1; d >= 0; d--) {
            pos += (i % shape[d]) * strides[d];
            i /= shape[d];
        }
        return storage.getDouble(pos);
    }

    /** {@code .tolist()}: nested lists of Float/Double/Long/Boolean, or a bare value for a 0-d tensor. */
    public Object toNested() {
        Object flat = switch (dtype) {
            case FLOAT32 -> readF32();
            case FLOAT64 -> readF64();
            case INT64 -> readI64();
            case BOOL -> readBool();
        };
        if (shape.length == 0) {
            return element(flat, 0);
        }
        return nest(flat, 0, 0);
    }

    private List<Object> nest(Object flat, int dim, int start) {
        int n = shape[dim];
        int step = 1;
        for (int d = dim + 1; d < shape.length; d++) {
            step *= shape[d];
        }
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(dim == shape.length - 1 ? element(flat, start + i) : nest(flat, dim + 1, start + i * step));
        }
        return out;
    }

    private static Object element(Object flat, int i) {
        return switch (flat) {
            case float[] a -> a[i];
            case double[] a -> a[i];
            case long[] a -> a[i];
            case boolean[] a -> a[i];
            default -> throw new IllegalArgumentException();
        };
    }

    /** {@code torch.tensor(data, dtype=...)} from nested lists of numbers or booleans. */
    public static Tensor fromNested(Object data, DType dtype) {
        return NestedData.parse(data, dtype);
    }

    @Override
    public String toString() {
        return "tensor(" + toNested() + ", dtype=" + dtype.wireName() + (gradFnName() != null ? ", grad_fn=<" + gradFnName() + ">"
                : requiresGradLeaf ? ", requires_grad=True" : "") + ")";
    }

    // ---- views ----------------------------------------------------------------------------

    /** A tensor over the same storage that is no view of this one: a result nothing else holds, in another shape. */
    Tensor alias(int[] newShape, int[] newStrides, int newOffset) {
        return new Tensor(storage, dtype, newShape, newStrides, newOffset, false, null);
    }

    Tensor asView(int[] newShape, int[] newStrides, int newOffset) {
        AllocationLimit.check(newShape, Shapes.numel(newShape));
        Tensor view = new Tensor(storage, dtype, newShape, newStrides, newOffset, false, viewBase != null ? viewBase : this);
        if (!GradMode.isEnabled()) view.creation = ViewCreation.NO_GRAD_MODE;
        else if (creation != ViewCreation.DEFAULT) view.creation = creation;
        return view;
    }

    // ---- autograd -------------------------------------------------------------------------

    /** {@code requires_grad_(flag)}: only leaves may change it, and only floating tensors can require grad. */
    public Tensor requiresGrad_(boolean flag) {
        if (!isLeaf()) {
            if (!flag) {
                throw EngineException.autograd("you can only change requires_grad flags of leaf variables. If you want to use a "
                        + "computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().");
            }
            return this;
        }
        if (flag && !dtype.isFloating()) {
            // Tensor.requires_grad_'s text (torch/csrc/autograd/python_variable_methods.cpp)
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "only Tensors of floating point dtype can require gradients");
        }
        requiresGradLeaf = flag;
        return this;
    }

    /**
     * A new tensor made to require grad, as {@code torch.tensor(..., requires_grad=True)} and the factories make it:
     * their own text for a dtype that cannot ({@code AutogradMeta::set_requires_grad}, torch/csrc/autograd/variable.cpp).
     */
    public Tensor requiresGradAtCreation() {
        if (!dtype.isFloating()) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "Only Tensors of floating point and complex dtype can require gradients");
        }
        return requiresGrad_(true);
    }

    /** {@code retain_grad()}: keep {@code .grad} on a non-leaf after backward. */
    public Tensor retainGrad() {
        if (!requiresGrad()) {
            throw EngineException.autograd("can't retain_grad on Tensor that has requires_grad=False");
        }
        if (isLeaf() || retainsGrad) {
            return this;
        }
        gradFn.retain(outputNr, this);
        retainsGrad = true;
        return this;
    }

    /** {@code tensor.backward()} on a scalar. */
    public void backward() {
        Autograd.backward(List.of(this), null, false, false, null);
    }

    /** {@code tensor.backward(gradient, retain_graph, create_graph)}. */
    public void backward(Tensor gradient, boolean retainGraph, boolean createGraph) {
        Autograd.backward(List.of(this), Arrays.asList(gradient), retainGraph, createGraph, null);
    }

    /**
     * {@code detach()}: the same data and version counter, cut from the graph. Not a view ({@code _is_view()} is
     * False): it may be changed in place, which changes its source too and bumps their shared version, so that a
     * backward through the source that saved it then fails.
     */
    public Tensor detach() {
        return new Tensor(storage, dtype, shape, strides, offset, false, null);
    }

    /** {@code detach_()}: cuts this tensor from the graph, in place: it becomes a leaf that does not require grad. */
    public Tensor detach_() {
        if (isView()) {
            // VariableHooks::detach_, torch/csrc/autograd/variable.cpp
            throw EngineException.autograd("Can't detach views in-place. Use detach() instead. If you are using DistributedDataParallel "
                    + "(DDP) for training, and gradient_as_bucket_view is set as True, gradients are views of DDP buckets, and hence "
                    + "detach_() cannot be called on these gradients. To fix this error, please refer to the Optimizer.zero_grad() "
                    + "function in torch/optim/optimizer.py as the solution.");
        }
        gradFn = null;
        outputNr = 0;
        requiresGradLeaf = false;
        return this;
    }

    // ---- elementwise ----------------------------------------------------------------------

    public Tensor add(Tensor other) { return BinaryOps.ADD.apply(this, other); }
    public Tensor add(double other) { return BinaryOps.ADD.apply(this, wrap(other)); }
    /** {@code add(other, alpha=alpha)}: {@code self + alpha * other} with one rounding, as PyTorch's fused kernel. */
    public Tensor add(Tensor other, double alpha) { return alpha == 1 ? add(other) : BinaryOps.addScaled("AddBackward0", this, other, alpha); }
    public Tensor sub(Tensor other) { return BinaryOps.SUB.apply(this, other); }
    public Tensor sub(double other) { return BinaryOps.SUB.apply(this, wrap(other)); }
    public Tensor sub(Tensor other, double alpha) { return alpha == 1 ? sub(other) : BinaryOps.addScaled("SubBackward0", this, other, -alpha); }
    public Tensor mul(Tensor other) { return BinaryOps.MUL.apply(this, other); }
    public Tensor mul(double other) { return BinaryOps.MUL.apply(this, wrap(other)); }
    public Tensor div(Tensor other) { return BinaryOps.DIV.apply(this, other); }
    public Tensor div(double other) { return BinaryOps.DIV.apply(this, wrap(other)); }
    /** {@code tensor.pow(tensor)} ({@code PowBackward1}). */
    public Tensor pow(Tensor exponent) { return BinaryOps.POW.apply(this, exponent); }
    /** {@code tensor ** number} ({@code PowBackward0}). */
    public Tensor pow(double exponent) { return PowOps.powScalar(this, exponent); }
    /** {@code number ** tensor} ({@code PowBackward2}). */
    public static Tensor pow(double base, Tensor exponent) { return PowOps.scalarPow(base, exponent); }

    /** C++'s {@code mul(Tensor, Scalar)}: recorded as {@code MulBackward1}, as PyTorch's own formulas are. */
    Tensor mulScalar(double s) { return BinaryOps.MUL_SCALAR.apply(this, wrap(s)); }

    public Tensor maximum(Tensor other) { return BinaryOps.MAXIMUM.apply(this, other); }
    public Tensor minimum(Tensor other) { return BinaryOps.MINIMUM.apply(this, other); }

    public Tensor neg() { return UnaryOps.NEG.apply(this); }
    public Tensor abs() { return UnaryOps.ABS.apply(this); }
    public Tensor sign() { return UnaryOps.SIGN.apply(this); }
    public Tensor exp() { return UnaryOps.EXP.apply(this); }
    public Tensor log() { return UnaryOps.LOG.apply(this); }
    public Tensor sqrt() { return UnaryOps.SQRT.apply(this); }
    public Tensor sigmoid() { return UnaryOps.SIGMOID.apply(this); }
    public Tensor tanh() { return UnaryOps.TANH.apply(this); }
    public Tensor relu() { return UnaryOps.RELU.apply(this); }

    /** {@code clamp(min, max)} with number bounds (either may be null). */
    public Tensor clamp(Double min, Double max) { return ClampOps.clamp(this, min, max); }
    /** {@code clamp(min, max)} with tensor bounds (either may be null). */
    public Tensor clamp(Tensor min, Tensor max) { return ClampOps.clamp(this, min, max); }

    public Tensor ge(Tensor other) { return Comparisons.GE.apply(this, other); }
    public Tensor ge(double other) { return Comparisons.GE.apply(this, wrap(other)); }
    public Tensor gt(Tensor other) { return Comparisons.GT.apply(this, other); }
    public Tensor gt(double other) { return Comparisons.GT.apply(this, wrap(other)); }
    public Tensor le(Tensor other) { return Comparisons.LE.apply(this, other); }
    public Tensor le(double other) { return Comparisons.LE.apply(this, wrap(other)); }
    public Tensor lt(Tensor other) { return Comparisons.LT.apply(this, other); }
    public Tensor lt(double other) { return Comparisons.LT.apply(this, wrap(other)); }
    public Tensor eq(Tensor other) { return Comparisons.EQ.apply(this, other); }
    public Tensor eq(double other) { return Comparisons.EQ.apply(this, wrap(other)); }
    public Tensor ne(Tensor other) { return Comparisons.NE.apply(this, other); }
    public Tensor logicalAnd(Tensor other) { return Comparisons.LOGICAL_AND.apply(this, other); }

    /** {@code torch.where(condition, self, other)}. */
    public static Tensor where(Tensor condition, Tensor self, Tensor other) { return WhereOp.where(condition, self, other); }

    // ---- conversions ----------------------------------------------------------------------

    /** {@code .to(dtype)}: this tensor itself when the dtype already matches, as in PyTorch. */
    public Tensor to(DType target) { return target == dtype ? this : Conversions.toDType(this, target); }
    public Tensor toFloat() { return to(DType.FLOAT32); }
    public Tensor toDouble() { return to(DType.FLOAT64); }
    public Tensor clone() { return Conversions.cloneTensor(this); }
    public Tensor contiguous() { return isContiguous() ? this : clone(); }

    // ---- reductions -----------------------------------------------------------------------

    public Tensor sum() { return Reductions.sum(this, null); }
    public Tensor sum(DType dtypeOrNull) { return Reductions.sum(this, dtypeOrNull); }
    public Tensor sum(int[] dims, boolean keepdim) { return Reductions.sumDims(this, dims, keepdim, null); }
    public Tensor mean() { return Reductions.mean(this); }
    public Tensor mean(int[] dims, boolean keepdim) { return Reductions.meanDims(this, dims, keepdim); }
    public Tensor max() { return Reductions.extreme(this, true); }
    public Tensor min() { return Reductions.extreme(this, false); }
    public Tensor[] max(int dim, boolean keepdim) { return Reductions.extremeDim(this, dim, keepdim, true); }
    public Tensor[] min(int dim, boolean keepdim) { return Reductions.extremeDim(this, dim, keepdim, false); }

    // ---- shapes ---------------------------------------------------------------------------

    public Tensor view(int... newShape) { return ShapeOps.view(this, newShape); }
    public Tensor reshape(int... newShape) { return ShapeOps.reshape(this, newShape); }
    public Tensor t() { return ShapeOps.t(this); }
    public Tensor transpose(int dim0, int dim1) { return ShapeOps.transpose(this, dim0, dim1); }
    public Tensor squeeze() { return ShapeOps.squeeze(this); }
    public Tensor squeeze(int dim) { return ShapeOps.squeeze(this, dim); }
    public Tensor unsqueeze(int dim) { return ShapeOps.unsqueeze(this, dim); }
    public Tensor expand(int... sizes) { return ShapeOps.expand(this, sizes); }
    public Tensor narrow(int dim, int start, int length) { return ShapeOps.narrow(this, dim, start, length); }
    public Tensor select(int dim, int index) { return ShapeOps.select(this, dim, index); }
    /** {@code at::sum_to}: sums broadcast dimensions away until the shape is {@code target}. */
    public Tensor sumTo(int[] target) { return Reductions.sumTo(this, target); }
    public static Tensor cat(List<Tensor> tensors, int dim) { return JoinOps.cat(tensors, dim); }
    public static Tensor stack(List<Tensor> tensors, int dim) { return JoinOps.stack(tensors, dim); }

    // ---- linear algebra -------------------------------------------------------------------

    public Tensor mm(Tensor other) { return LinAlg.mm(this, other); }
    public Tensor matmul(Tensor other) { return LinAlg.matmul(this, other); }
    public Tensor dot(Tensor other) { return LinAlg.dot(this, other); }
    public Tensor mv(Tensor vec) { return LinAlg.mv(this, vec); }
    public Tensor outer(Tensor other) { return LinAlg.outer(this, other); }
    public static Tensor addmm(Tensor bias, Tensor mat1, Tensor mat2) { return LinAlg.addmm(bias, mat1, mat2, 1, 1); }

    // ---- in place -------------------------------------------------------------------------

    public Tensor add_(Tensor other) { return InPlace.apply(this, "add_", x -> x.add(other), other); }
    public Tensor add_(double other) { return InPlace.apply(this, "add_", x -> x.add(other)); }
    public Tensor add_(Tensor other, double alpha) { return InPlace.apply(this, "add_", x -> x.add(other, alpha), other); }
    public Tensor sub_(Tensor other) { return InPlace.apply(this, "sub_", x -> x.sub(other), other); }
    public Tensor sub_(double other) { return InPlace.apply(this, "sub_", x -> x.sub(other)); }
    public Tensor mul_(Tensor other) { return InPlace.apply(this, "mul_", x -> x.mul(other), other); }
    public Tensor mul_(double other) { return InPlace.apply(this, "mul_", x -> x.mul(other)); }
    public Tensor div_(Tensor other) { return InPlace.apply(this, "div_", x -> x.div(other), other); }
    public Tensor div_(double other) { return InPlace.apply(this, "div_", x -> x.div(other)); }
    public Tensor zero_() { return InPlace.fill(this, 0); }
    public Tensor fill_(double value) { return InPlace.fill(this, value); }
    public Tensor clamp_(Double min, Double max) { return InPlace.apply(this, "clamp_", x -> x.clamp(min, max)); }
}
