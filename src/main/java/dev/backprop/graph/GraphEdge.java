package dev.backprop.graph;

/** An arrow in forward data-flow direction: from the node whose output {@code to} consumes. */
public record GraphEdge(String from, String to) {}
