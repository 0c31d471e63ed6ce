package dev.backprop.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code einsum} as PyTorch 1.13 computes it (aten/src/ATen/native/Linear.cpp): the equation parsed into labels,
 * repeated labels taken as diagonals, each operand unsqueezed and permuted to one common order (output labels,
 * then contracted ones), then the operands contracted left to right by {@code sumproduct_pair} (permute, reshape,
 * {@code bmm}, view). Only differentiable ops are used, so the derivatives (of any order) are theirs, and the
 * result's grad_fn is PyTorch's.
 */
final class Einsum {
    private static final int LETTERS = 26;
    private static final int ELLIPSIS = 2 * LETTERS;

    private Einsum() {}

    static Tensor einsum(String equation, List<Tensor> operands) {
        if (operands == null || operands.isEmpty()) {
            throw EngineException.invalid("einsum(): must specify the equation string and at least one operand, or at least one operand "
                    + "and its subscripts list");
        }
        int numOps = operands.size();
        int arrow = equation.indexOf("->");
        String lhs = arrow < 0 ? equation : equation.substring(0, arrow);
        List<List<Integer>> opLabels = parseOperands(lhs, numOps);

        int[] labelCount = new int[ELLIPSIS];
        int ellNumDim = 0;
        for (int i = 0; i < numOps; i++) {
            int ndims = operands.get(i).dim();
            int nlabels = 0;
            boolean hasEllipsis = false;
            for (int label : opLabels.get(i)) {
                if (label == ELLIPSIS) hasEllipsis = true;
                else {
                    labelCount[label]++;
                    nlabels++;
                }
            }
            if (hasEllipsis) ellNumDim = Math.max(ellNumDim, ndims - nlabels);
            if (hasEllipsis ? nlabels > ndims : nlabels != ndims) {
                throw EngineException.shape("einsum(): the number of subscripts in the equation (" + nlabels
                        + (hasEllipsis ? ") is more than the number of dimensions (" : ") does not match the number of dimensions (")
                        + ndims + ") for operand " + i + (hasEllipsis ? "" : " and no ellipsis was given"));
            }
        }

        // Each label's index in the common order: the output's labels (and ellipsis dims), then the contracted ones.
        int[] labelPermIndex = new int[ELLIPSIS];
        Arrays.fill(labelPermIndex, -1);
        int permIndex = 0, ellIndex = 0;
        boolean ellInOutput = false;
        if (arrow < 0) {
            permIndex = ellNumDim;
            ellInOutput = true;
            for (int label = 0; label < ELLIPSIS; label++) {
                if (labelCount[label] == 1) labelPermIndex[label] = permIndex++;
            }
        } else {
            String rhs = equation.substring(arrow + 2);
            for (int i = 0; i < rhs.length(); i++) {
                char c = rhs.charAt(i);
                if (c == ' ') continue;
                if (c == '.') {
                    if (ellInOutput) throw EngineException.invalid("einsum(): found '.' for output but an ellipsis (...) was already found");
                    if (!(i + 2 < rhs.length() && rhs.charAt(++i) == '.' && rhs.charAt(++i) == '.')) {
                        throw EngineException.invalid("einsum(): found '.' for output that is not part of any ellipsis (...)");
                    }
                    ellIndex = permIndex;
                    permIndex += ellNumDim;
                    ellInOutput = true;
                    continue;
                }
                if (!isLetter(c)) throw invalidSubscript(lhs.length() + 2 + i);
                int index = subscript(c);
                if (labelCount[index] == 0 || labelPermIndex[index] != -1) {
                    throw EngineException.invalid("einsum(): output subscript " + c + (labelPermIndex[index] > -1
                            ? " appears more than once in the output" : " does not appear in the equation for any input operand"));
                }
                labelPermIndex[index] = permIndex++;
            }
        }
        int outNumDim = permIndex;
        if (!ellInOutput) {
            ellIndex = permIndex;
            permIndex += ellNumDim;
        }
        for (int label = 0; label < ELLIPSIS; label++) {
            if (labelCount[label] > 0 && labelPermIndex[label] == -1) labelPermIndex[label] = permIndex++;
        }

        int[] labelSize = new int[ELLIPSIS];
        Arrays.fill(labelSize, 1);
        int[] ellSizes = new int[ellNumDim];
        Arrays.fill(ellSizes, 1);
        int[] dimCounts = new int[permIndex];
        List<Tensor> ops = new ArrayList<>();
        for (int i = 0; i < numOps; i++) {
            Tensor op = operands.get(i);
            int[] permutation = new int[permIndex];
            Arrays.fill(permutation, -1);
            int dim = 0;
            for (int s : opLabels.get(i)) {
                if (s == ELLIPSIS) {
                    int ndim = operands.get(i).dim() - (opLabels.get(i).size() - 1);
                    for (int j = ellNumDim - ndim; j < ellNumDim; j++) {
                        int size = op.shape[dim];
                        if (size != 1) {
                            if (ellSizes[j] != 1 && ellSizes[j] != size) {
                                throw EngineException.shape("einsum(): dimension " + dim + " covered by ellipsis in operand " + i + "has size "
                                        + size + " which does not broadcast with previously seen ellipsis with size " + ellSizes[j]
                                        + " for the respective dimension");
                            }
                            ellSizes[j] = size;
                            dimCounts[ellIndex + j]++;
                        }
                        permutation[ellIndex + j] = dim++;
                    }
                } else if (permutation[labelPermIndex[s]] == -1) {
                    int size = op.shape[dim];
                    if (size != 1) {
                        if (labelSize[s] != 1 && labelSize[s] != size) {
                            throw EngineException.shape("einsum(): subscript " + label(s) + " has size " + size + " for operand " + i
                                    + " which does not broadcast with previously seen size " + labelSize[s]);
                        }
                        labelSize[s] = size;
                        dimCounts[labelPermIndex[s]]++;
                    }
                    permutation[labelPermIndex[s]] = dim++;
                } else {
                    int prev = permutation[labelPermIndex[s]];
                    if (op.shape[dim] != op.shape[prev]) {
                        throw EngineException.shape("einsum(): subscript " + label(s) + " is repeated for operand " + i
                                + " but the sizes don't match, " + op.shape[dim] + " != " + op.shape[prev]);
                    }
                    op = PermuteOps.movedim(PermuteOps.diagonal(op, 0, prev, dim), -1, prev);
                }
            }
            for (int k = 0; k < permIndex; k++) {
                if (permutation[k] == -1) {
                    op = op.unsqueeze(dim);
                    permutation[k] = dim++;
                }
            }
            ops.add(PermuteOps.permute(op, permutation));
        }

        while (ops.size() > 1) {
            Tensor a = ops.remove(0), b = ops.remove(0);
            List<Integer> sumDims = new ArrayList<>(), aDims = new ArrayList<>(), bDims = new ArrayList<>();
            for (int dim = outNumDim; dim < permIndex; dim++) {
                if (a.shape[dim] != 1 && b.shape[dim] != 1) {
                    if (--dimCounts[dim] == 1) {
                        sumDims.add(dim);
                        dimCounts[dim] = 0;
                    }
                } else if (dimCounts[dim] == 1) {
                    if (a.shape[dim] != 1) {
                        aDims.add(dim);
                        dimCounts[dim] = 0;
                    } else if (b.shape[dim] != 1) {
                        bDims.add(dim);
                        dimCounts[dim] = 0;
                    }
                }
            }
            if (!aDims.isEmpty()) a = a.sum(ints(aDims), true);
            if (!bDims.isEmpty()) b = b.sum(ints(bDims), true);
            ops.addFirst(sumProductPair(a, b, ints(sumDims)));
        }

        Tensor result = ops.getFirst();
        if (permIndex - outNumDim == 0) return result;
        if (numOps > 1) return result.view(Arrays.copyOf(result.shape, outNumDim));
        int[] contracted = new int[permIndex - outNumDim];
        for (int k = 0; k < contracted.length; k++) contracted[k] = outNumDim + k;
        return result.sum(contracted, false);
    }

    /** The labels of each operand in the equation's left side ({@link #ELLIPSIS} for {@code ...}). */
    private static List<List<Integer>> parseOperands(String lhs, int numOps) {
        List<List<Integer>> opLabels = new ArrayList<>();
        for (int i = 0; i < numOps; i++) opLabels.add(new ArrayList<>());
        boolean ellInInput = false;
        int current = 0;
        for (int i = 0; i < lhs.length(); i++) {
            char c = lhs.charAt(i);
            if (c == ' ') continue;
            if (c == '.') {
                if (ellInInput) {
                    throw EngineException.invalid("einsum(): found '.' for operand " + current + " for which an ellipsis was already found");
                }
                if (!(i + 2 < lhs.length() && lhs.charAt(++i) == '.' && lhs.charAt(++i) == '.')) {
                    throw EngineException.invalid("einsum(): found '.' for operand " + current + " that is not part of any ellipsis");
                }
                opLabels.get(current).add(ELLIPSIS);
                ellInInput = true;
            } else if (c == ',') {
                if (++current >= numOps) throw EngineException.invalid("einsum(): fewer operands were provided than specified in the equation");
                ellInInput = false;
            } else if (isLetter(c)) {
                opLabels.get(current).add(subscript(c));
            } else {
                throw invalidSubscript(i);
            }
        }
        if (current != numOps - 1) throw EngineException.invalid("einsum(): more operands were provided than specified in the equation");
        return opLabels;
    }

    /**
     * {@code sumproduct_pair}: {@code (left * right).sum(sumDims, keepdim=True)} for operands of equal rank, as one
     * {@code bmm} over (shared, left-only, summed) x (shared, summed, right-only) dims.
     */
    private static Tensor sumProductPair(Tensor left, Tensor right, int[] sumDims) {
        if (sumDims.length == 0) return left.mul(right);
        int dim = left.dim();
        boolean[] summed = new boolean[dim];
        for (int d : sumDims) summed[d] = true;
        List<Integer> lro = new ArrayList<>(), lo = new ArrayList<>(), ro = new ArrayList<>();
        int lroSize = 1, loSize = 1, roSize = 1, sumSize = 1;
        for (int i = 0; i < dim; i++) {
            boolean sl = left.shape[i] != 1, sr = right.shape[i] != 1;
            if (summed[i]) {
                if (sl && sr) {
                    checkMatch(left, right, i);
                    sumSize *= left.shape[i];
                } else if (sl) {
                    left = left.sum(new int[] {i}, true);
                } else if (sr) {
                    right = right.sum(new int[] {i}, true);
                }
            } else if (sl && sr) {
                checkMatch(left, right, i);
                lro.add(i);
                lroSize *= left.shape[i];
            } else if (sl) {
                lo.add(i);
                loSize *= left.shape[i];
            } else {
                ro.add(i);
                roSize *= right.shape[i];
            }
        }
        List<Integer> sums = new ArrayList<>();
        for (int d : sumDims) sums.add(d);
        int[] outSize = new int[lro.size() + lo.size() + sums.size() + ro.size()];
        int k = 0;
        for (int d : lro) outSize[k++] = left.shape[d];
        for (int d : lo) outSize[k++] = left.shape[d];
        for (int ignored : sums) outSize[k++] = 1;
        for (int d : ro) outSize[k++] = right.shape[d];
        int[] lperm = ints(concat(lro, lo, sums, ro));
        int[] rperm = ints(concat(lro, sums, ro, lo));
        int[] operm = new int[outSize.length];
        int i = 0;
        for (int d : concat(lro, lo, sums, ro)) operm[d] = i++;
        Tensor l = PermuteOps.permute(left, lperm).reshape(lroSize, loSize, sumSize);
        Tensor r = PermuteOps.permute(right, rperm).reshape(lroSize, sumSize, roSize);
        return PermuteOps.permute(LinAlg.bmm(l, r).view(outSize), operm);
    }

    private static void checkMatch(Tensor left, Tensor right, int i) {
        if (left.shape[i] != right.shape[i]) throw EngineException.shape("non-broadcast dimensions must match");
    }

    @SafeVarargs
    private static List<Integer> concat(List<Integer>... parts) {
        List<Integer> out = new ArrayList<>();
        for (List<Integer> p : parts) out.addAll(p);
        return out;
    }

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Labels A-Z are 0-25 and a-z are 26-51, so that an implicit output lists upper case first, as PyTorch's does. */
    private static int subscript(char c) {
        return Character.isUpperCase(c) ? c - 'A' : c - 'a' + LETTERS;
    }

    private static char label(int s) {
        return (char) (s < LETTERS ? s + 'A' : s - LETTERS + 'a');
    }

    private static EngineException invalidSubscript(int index) {
        return EngineException.invalid("einsum(): invalid subscript given at index " + index
                + " in the equation string, subscripts must be in [a-zA-Z]");
    }
}
