package dev.backprop.engine;

/**
 * The order in which PyTorch 1.13's CPU {@code topk} (aten/src/ATen/native/TopKImpl.h {@code topk_impl_loop},
 * largest and sorted) lists the k largest of a row, ties included: {@code std::partial_sort} when
 * {@code k * 64 <= n}, else {@code std::nth_element} then {@code std::sort} of the first k - 1, each as
 * libstdc++ implements it (bits/stl_algo.h, bits/stl_heap.h), with NaN counting as the largest.
 */
final class TopKOrder {
    private static final int SORT_THRESHOLD = 16;

    private final double[] values;
    private final int[] queue;

    private TopKOrder(double[] values) {
        this.values = values;
        this.queue = new int[values.length];
        for (int i = 0; i < queue.length; i++) queue[i] = i;
    }

    /** The indices of the {@code k} largest values, as {@code torch.topk(values, k).indices} lists them. */
    static int[] largest(double[] values, int k) {
        TopKOrder t = new TopKOrder(values);
        int n = values.length;
        if (k == 0) return new int[0];
        if ((long) k * 64 <= n) {
            t.heapSelect(0, k, n);
            t.sortHeap(0, k);
        } else {
            t.nthElement(0, k - 1, n);
            t.sort(0, k - 1);
        }
        int[] out = new int[k];
        System.arraycopy(t.queue, 0, out, 0, k);
        return out;
    }

    private boolean before(int x, int y) {
        double a = values[x];
        double b = values[y];
        return (Double.isNaN(a) && !Double.isNaN(b)) || a > b;
    }

    private boolean beforeAt(int i, int j) {
        return before(queue[i], queue[j]);
    }

    private void swap(int i, int j) {
        int t = queue[i];
        queue[i] = queue[j];
        queue[j] = t;
    }

    private static int lg(int n) {
        return 31 - Integer.numberOfLeadingZeros(n);
    }

    private void nthElement(int first, int nth, int last) {
        if (first == last || nth == last) return;
        int depth = lg(last - first) * 2;
        while (last - first > 3) {
            if (depth == 0) {
                heapSelect(first, nth + 1, last);
                swap(first, nth);
                return;
            }
            depth--;
            int cut = partitionPivot(first, last);
            if (cut <= nth) first = cut;
            else last = cut;
        }
        insertionSort(first, last);
    }

    private void sort(int first, int last) {
        if (first == last) return;
        introsortLoop(first, last, lg(last - first) * 2);
        if (last - first > SORT_THRESHOLD) {
            insertionSort(first, first + SORT_THRESHOLD);
            for (int i = first + SORT_THRESHOLD; i < last; i++) linearInsert(i);
        } else {
            insertionSort(first, last);
        }
    }

    private void introsortLoop(int first, int last, int depth) {
        while (last - first > SORT_THRESHOLD) {
            if (depth == 0) {
                heapSelect(first, last, last);
                sortHeap(first, last);
                return;
            }
            depth--;
            int cut = partitionPivot(first, last);
            introsortLoop(cut, last, depth);
            last = cut;
        }
    }

    private int partitionPivot(int first, int last) {
        int mid = first + (last - first) / 2;
        moveMedianToFirst(first, first + 1, mid, last - 1);
        int lo = first + 1;
        int hi = last;
        while (true) {
            while (beforeAt(lo, first)) lo++;
            hi--;
            while (beforeAt(first, hi)) hi--;
            if (lo >= hi) return lo;
            swap(lo, hi);
            lo++;
        }
    }

    private void moveMedianToFirst(int result, int a, int b, int c) {
        if (beforeAt(a, b)) {
            if (beforeAt(b, c)) swap(result, b);
            else if (beforeAt(a, c)) swap(result, c);
            else swap(result, a);
        } else if (beforeAt(a, c)) {
            swap(result, a);
        } else if (beforeAt(b, c)) {
            swap(result, c);
        } else {
            swap(result, b);
        }
    }

    private void insertionSort(int first, int last) {
        if (first == last) return;
        for (int i = first + 1; i < last; i++) {
            if (beforeAt(i, first)) {
                int v = queue[i];
                System.arraycopy(queue, first, queue, first + 1, i - first);
                queue[first] = v;
            } else {
                linearInsert(i);
            }
        }
    }

    private void linearInsert(int last) {
        int v = queue[last];
        int next = last - 1;
        while (before(v, queue[next])) {
            queue[last] = queue[next];
            last = next;
            next--;
        }
        queue[last] = v;
    }

    private void heapSelect(int first, int middle, int last) {
        makeHeap(first, middle);
        for (int i = middle; i < last; i++) {
            if (beforeAt(i, first)) popHeap(first, middle, i);
        }
    }

    private void makeHeap(int first, int last) {
        int len = last - first;
        if (len < 2) return;
        for (int parent = (len - 2) / 2; ; parent--) {
            adjustHeap(first, parent, len, queue[first + parent]);
            if (parent == 0) return;
        }
    }

    private void sortHeap(int first, int last) {
        while (last - first > 1) {
            last--;
            popHeap(first, last, last);
        }
    }

    private void popHeap(int first, int last, int result) {
        int v = queue[result];
        queue[result] = queue[first];
        adjustHeap(first, 0, last - first, v);
    }

    private void adjustHeap(int first, int hole, int len, int v) {
        int top = hole;
        int child = hole;
        while (child < (len - 1) / 2) {
            child = 2 * (child + 1);
            if (beforeAt(first + child, first + child - 1)) child--;
            queue[first + hole] = queue[first + child];
            hole = child;
        }
        if ((len & 1) == 0 && child == (len - 2) / 2) {
            child = 2 * (child + 1);
            queue[first + hole] = queue[first + child - 1];
            hole = child - 1;
        }
        int parent = (hole - 1) / 2;
        while (hole > top && before(queue[first + parent], v)) {
            queue[first + hole] = queue[first + parent];
            hole = parent;
            parent = (hole - 1) / 2;
        }
        queue[first + hole] = v;
    }
}
