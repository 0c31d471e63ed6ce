package dev.backprop.graph;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many dummy nodes the layered layout will need: it breaks every edge that spans several layers
 * into one segment per layer, and its work grows with those segments, so a parameter read at every step
 * of a long loop costs far more than its node count suggests. Counted on the longest-path layering
 * toward the root, which never has fewer dummies than the layering ELK picks.
 */
final class LayeredSize {
    private LayeredSize() {}

    static long dummyNodes(GraphModel model) {
        List<GraphNode> nodes = model.nodes();
        Map<String, Integer> index = new HashMap<>(nodes.size() * 2);
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i).id(), i);
        }
        int n = nodes.size();
        int[] from = new int[model.edges().size()];
        int[] to = new int[from.length];
        int[] outDegree = new int[n];
        int[] inStart = new int[n + 1];
        for (int e = 0; e < from.length; e++) {
            from[e] = index.get(model.edges().get(e).from());
            to[e] = index.get(model.edges().get(e).to());
            outDegree[from[e]]++;
            inStart[to[e] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            inStart[v + 1] += inStart[v];
        }
        int[] incoming = new int[from.length];
        int[] filled = inStart.clone();
        for (int e = 0; e < from.length; e++) {
            incoming[filled[to[e]]++] = e;
        }

        // rank = length of the longest path to a sink, found sinks first (Kahn's order on reversed edges)
        long[] rank = new long[n];
        ArrayDeque<Integer> ready = new ArrayDeque<>();
        for (int v = 0; v < n; v++) {
            if (outDegree[v] == 0) {
                ready.add(v);
            }
        }
        while (!ready.isEmpty()) {
            int v = ready.poll();
            for (int i = inStart[v]; i < inStart[v + 1]; i++) {
                int u = from[incoming[i]];
                rank[u] = Math.max(rank[u], rank[v] + 1);
                if (--outDegree[u] == 0) {
                    ready.add(u);
                }
            }
        }
        long dummies = 0;
        for (int e = 0; e < from.length; e++) {
            dummies += rank[from[e]] - rank[to[e]] - 1;
        }
        return dummies;
    }
}
