package dev.backprop.engine;

/** One of a node's {@code next_functions}: the node that receives a gradient and which of its inputs it is. */
public record Edge(Node node, int inputNr) {}
