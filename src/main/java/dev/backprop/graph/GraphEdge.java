package dev.backprop.graph;

/** An arrow in forward data-flow direction: from the node whose output {@code to} consumes. */
@io.swagger.v3.oas.annotations.media.Schema(example = "{\"from\": \"n3\", \"to\": \"n2\"}")
public record GraphEdge(String from, String to) {}
