package dev.backprop.session;

import java.util.List;
import java.util.Map;

/**
 * One op as a client sends it: {@code out = torch.<op>(*inputs, **attrs)}.
 *
 * @param inputs tensor names (strings) and Python numbers, in order
 * @param out    the name (or names, for ops with several results) to bind; fresh names when null
 * @param noGrad run under {@code torch.no_grad()}
 */
public record OpCall(String op, List<Object> inputs, Map<String, Object> attrs, Object out, boolean noGrad) {}
