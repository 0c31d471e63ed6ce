package dev.backprop.engine;

/**
 * libstdc++'s {@code std::sort}, {@code std::nth_element} and {@code std::partial_sort} (GCC 12), over an array of
 * element positions ordered by a strict weak ordering. PyTorch's CPU {@code sort(stable=False)} and {@code topk} call
 * these, and the order they leave equal elements in (which index comes first among ties) is theirs, not a stable
 * sort's; following the same steps gives PyTorch's indices exactly.
 */
final class StdSort {
    /** The strict weak ordering over element positions. */
    @FunctionalInterface
    interface Less {
        boolean test(int a, int b);
    }

    private static final int THRESHOLD = 16;

    private StdSort() {}

    /** {@code std::sort(first, last, comp)}. */
    static void sort(int[] a, int first, int last, Less less) {
        if (first == last) return;
        introsortLoop(a, first, last, 2 * lg(last - first), less);
        finalInsertionSort(a, first, last, less);
    }

    /** {@code std::nth_element(first, nth, last, comp)}. */
    static void nthElement(int[] a, int first, int nth, int last, Less less) {
        if (first == last || nth == last) return;
        int depth = 2 * lg(last - first);
        while (last - first > 3) {
            if (depth == 0) {
                heapSelect(a, first, nth + 1, last, less);
                swap(a, first, nth);
                return;
            }
            depth--;
            int cut = partitionPivot(a, first, last, less);
            if (cut <= nth) first = cut;
            else last = cut;
        }
        insertionSort(a, first, last, less);
    }

    /** {@code std::partial_sort(first, middle, last, comp)}. */
    static void partialSort(int[] a, int first, int middle, int last, Less less) {
        heapSelect(a, first, middle, last, less);
        sortHeap(a, first, middle, less);
    }

    private static int lg(int n) {
        return 31 - Integer.numberOfLeadingZeros(n);
    }

    private static void introsortLoop(int[] a, int first, int last, int depth, Less less) {
        while (last - first > THRESHOLD) {
            if (depth == 0) {
                partialSort(a, first, last, last, less);
                return;
            }
            depth--;
            int cut = partitionPivot(a, first, last, less);
            introsortLoop(a, cut, last, depth, less);
            last = cut;
        }
    }

    private static int partitionPivot(int[] a, int first, int last, Less less) {
        int mid = first + (last - first) / 2;
        moveMedianToFirst(a, first, first + 1, mid, last - 1, less);
        return unguardedPartition(a, first + 1, last, first, less);
    }

    private static void moveMedianToFirst(int[] a, int result, int x, int y, int z, Less less) {
        if (less.test(a[x], a[y])) {
            if (less.test(a[y], a[z])) swap(a, result, y);
            else if (less.test(a[x], a[z])) swap(a, result, z);
            else swap(a, result, x);
        } else if (less.test(a[x], a[z])) {
            swap(a, result, x);
        } else if (less.test(a[y], a[z])) {
            swap(a, result, z);
        } else {
            swap(a, result, y);
        }
    }

    private static int unguardedPartition(int[] a, int first, int last, int pivot, Less less) {
        while (true) {
            while (less.test(a[first], a[pivot])) first++;
            last--;
            while (less.test(a[pivot], a[last])) last--;
            if (first >= last) return first;
            swap(a, first, last);
            first++;
        }
    }

    private static void finalInsertionSort(int[] a, int first, int last, Less less) {
        if (last - first > THRESHOLD) {
            insertionSort(a, first, first + THRESHOLD, less);
            for (int i = first + THRESHOLD; i < last; i++) unguardedLinearInsert(a, i, less);
        } else {
            insertionSort(a, first, last, less);
        }
    }

    private static void insertionSort(int[] a, int first, int last, Less less) {
        if (first == last) return;
        for (int i = first + 1; i < last; i++) {
            if (less.test(a[i], a[first])) {
                int v = a[i];
                System.arraycopy(a, first, a, first + 1, i - first);
                a[first] = v;
            } else {
                unguardedLinearInsert(a, i, less);
            }
        }
    }

    private static void unguardedLinearInsert(int[] a, int last, Less less) {
        int v = a[last];
        int next = last - 1;
        while (less.test(v, a[next])) {
            a[last] = a[next];
            last = next;
            next--;
        }
        a[last] = v;
    }

    private static void heapSelect(int[] a, int first, int middle, int last, Less less) {
        makeHeap(a, first, middle, less);
        for (int i = middle; i < last; i++) {
            if (less.test(a[i], a[first])) popHeap(a, first, middle, i, less);
        }
    }

    private static void makeHeap(int[] a, int first, int last, Less less) {
        int len = last - first;
        if (len < 2) return;
        for (int parent = (len - 2) / 2; ; parent--) {
            adjustHeap(a, first, parent, len, a[first + parent], less);
            if (parent == 0) return;
        }
    }

    private static void sortHeap(int[] a, int first, int last, Less less) {
        while (last - first > 1) {
            last--;
            popHeap(a, first, last, last, less);
        }
    }

    private static void popHeap(int[] a, int first, int last, int result, Less less) {
        int v = a[result];
        a[result] = a[first];
        adjustHeap(a, first, 0, last - first, v, less);
    }

    private static void adjustHeap(int[] a, int first, int hole, int len, int v, Less less) {
        int top = hole;
        int child = hole;
        while (child < (len - 1) / 2) {
            child = 2 * (child + 1);
            if (less.test(a[first + child], a[first + child - 1])) child--;
            a[first + hole] = a[first + child];
            hole = child;
        }
        if ((len & 1) == 0 && child == (len - 2) / 2) {
            child = 2 * (child + 1);
            a[first + hole] = a[first + child - 1];
            hole = child - 1;
        }
        int parent = (hole - 1) / 2;
        while (hole > top && less.test(a[first + parent], v)) {
            a[first + hole] = a[first + parent];
            hole = parent;
            parent = (hole - 1) / 2;
        }
        a[first + hole] = v;
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
