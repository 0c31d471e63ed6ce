package dev.backprop.web;

import dev.backprop.engine.Tensor;
import dev.backprop.graph.DotRenderer;
import dev.backprop.graph.GraphModel;
import dev.backprop.graph.SvgRenderer;
import dev.backprop.session.Caller;
import dev.backprop.session.Limits;
import dev.backprop.session.Names;
import dev.backprop.session.SessionService;
import java.util.IdentityHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The graph behind a tensor, as JSON, Graphviz DOT or an SVG picture laid out by ELK. The model is read
 * under the session's lock; laying it out happens after the lock is released.
 */
@RestController
@RequestMapping("/api/v1/sessions/{sid}/graph")
class GraphController {
    static final String GRAPHVIZ = "text/vnd.graphviz";
    static final String SVG = "image/svg+xml";

    private final SessionService sessions;
    private final Limits limits;
    private final SvgRenderer svg = new SvgRenderer();

    GraphController(SessionService sessions, Limits limits) {
        this.sessions = sessions;
        this.limits = limits;
    }

    @GetMapping(produces = "application/json")
    GraphModel json(Caller caller, @PathVariable String sid, @RequestParam String root) {
        return model(caller, sid, root);
    }

    @GetMapping(produces = GRAPHVIZ)
    String dot(Caller caller, @PathVariable String sid, @RequestParam String root) {
        return DotRenderer.render(model(caller, sid, root));
    }

    @GetMapping(produces = SVG)
    String picture(Caller caller, @PathVariable String sid, @RequestParam String root) {
        return svg.render(model(caller, sid, root));
    }

    private GraphModel model(Caller caller, String sid, String root) {
        return sessions.withSession(caller, sid, s -> {
            Tensor t = Names.resolve(s, root);
            Map<Tensor, String> names = new IdentityHashMap<>();
            s.tensors().forEach((name, tensor) -> names.putIfAbsent(tensor, name));
            names.put(t, root);
            return GraphModel.of(t, names::get, limits.maxGraphNodes() + 2);
        });
    }
}
