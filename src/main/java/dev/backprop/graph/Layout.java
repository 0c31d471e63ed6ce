package dev.backprop.graph;

import java.util.List;
import java.util.Map;

/** Where everything goes in the picture: node boxes by id, and each edge's route from source to target. */
record Layout(double width, double height, Map<String, Box> boxes, List<Route> routes) {
    record Box(double x, double y, double width, double height) {}

    record Point(double x, double y) {}

    /** An edge's path: the first point on the source's border, the last on the target's. */
    record Route(GraphEdge edge, List<Point> points) {}
}
