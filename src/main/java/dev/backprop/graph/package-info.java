/**
 * Pictures of the autograd graph behind a tensor, as torchviz draws them: {@link dev.backprop.graph.GraphModel}
 * reads the graph from the engine into plain records (the JSON form), {@link dev.backprop.graph.DotRenderer}
 * writes Graphviz DOT, and {@link dev.backprop.graph.SvgRenderer} draws an SVG laid out by Eclipse ELK's
 * layered algorithm. Depends on the engine and ELK; only the web layer depends on it.
 */
package dev.backprop.graph;
