package dev.backprop.web;

import dev.backprop.engine.nn.Module;
import dev.backprop.engine.optim.OptimizerFields;
import dev.backprop.session.Answer;
import dev.backprop.session.ApiException;
import dev.backprop.session.BoundOptimizer;
import dev.backprop.session.BoundTensor;
import dev.backprop.session.Caller;
import dev.backprop.session.ModuleService;
import dev.backprop.session.SessionService;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/sessions/{sid}")
class ModuleController {
    private final SessionService sessions;
    private final ModuleService modules;
    private final Audit audit;

    ModuleController(SessionService sessions, ModuleService modules, Audit audit) {
        this.sessions = sessions;
        this.modules = modules;
        this.audit = audit;
    }

    @PostMapping("/modules")
    ResponseEntity<Responses.Module> createModule(Caller caller, @PathVariable String sid, @RequestBody Requests.CreateModule body) {
        if (body == null) throw ApiException.badRequest("a body is required");
        Finite.check(body.layers(), "layers");
        Responses.Module view = sessions.withSession(caller, sid, s -> {
            ModuleService.CreatedModule m = modules.createModule(s, body.name(), body.layers());
            return view(m.name(), m.module());
        });
        return ResponseEntity.created(URI.create("/api/v1/sessions/" + sid + "/modules/" + view.name())).body(view);
    }

    @GetMapping("/modules/{name}")
    Responses.Module module(Caller caller, @PathVariable String sid, @PathVariable String name) {
        return sessions.withSession(caller, sid, s -> view(name, ModuleService.module(s, name)));
    }

    @DeleteMapping("/modules/{name}")
    ResponseEntity<Void> deleteModule(Caller caller, @PathVariable String sid, @PathVariable String name) {
        sessions.inSession(caller, sid, s -> modules.deleteModule(s, name));
        audit.deleted(caller, "module", sid + "/" + name);
        return ResponseEntity.noContent().build();
    }

    /** {@code module.train()}: training mode for the module and all its children. */
    @PostMapping("/modules/{name}/train")
    Responses.Module train(Caller caller, @PathVariable String sid, @PathVariable String name) {
        return sessions.withSession(caller, sid, s -> view(name, modules.train(s, name, true)));
    }

    /** {@code module.eval()}: dropout becomes the identity. */
    @PostMapping("/modules/{name}/eval")
    Responses.Module eval(Caller caller, @PathVariable String sid, @PathVariable String name) {
        return sessions.withSession(caller, sid, s -> view(name, modules.train(s, name, false)));
    }

    /** The module's repr and {@code state_dict} entries (as the session's tensor names) with their shapes. */
    private static Responses.Module view(String name, Module module) {
        Map<String, List<Integer>> state = new LinkedHashMap<>();
        module.stateDict().forEach((key, t) -> state.put(name + "." + key, Arrays.stream(t.shape()).boxed().toList()));
        return new Responses.Module(name, module.toString(), state, module.training());
    }

    @PostMapping("/optimizers")
    ResponseEntity<Responses.Optimizer> createOptimizer(Caller caller, @PathVariable String sid,
                                                       @RequestBody Requests.CreateOptimizer body) {
        if (body == null) throw ApiException.badRequest("a body is required");
        OptimizerFields spec = body.fields("");
        Responses.Optimizer view = sessions.withSession(caller, sid,
                s -> view(body.name(), modules.createOptimizer(s, body.name(), spec, body.params())));
        return ResponseEntity.created(URI.create("/api/v1/sessions/" + sid + "/optimizers/" + view.name())).body(view);
    }

    @GetMapping("/optimizers/{name}")
    Responses.Optimizer optimizer(Caller caller, @PathVariable String sid, @PathVariable String name) {
        return sessions.withSession(caller, sid, s -> view(name, ModuleService.optimizer(s, name)));
    }

    @DeleteMapping("/optimizers/{name}")
    ResponseEntity<Void> deleteOptimizer(Caller caller, @PathVariable String sid, @PathVariable String name) {
        sessions.inSession(caller, sid, s -> modules.deleteOptimizer(s, name));
        audit.deleted(caller, "optimizer", sid + "/" + name);
        return ResponseEntity.noContent().build();
    }

    private static Responses.Optimizer view(String name, BoundOptimizer o) {
        return new Responses.Optimizer(name, o.type(), o.params(), o.optimizer().lr());
    }

    @PostMapping("/optimizers/{name}/step")
    Responses.Updated step(Caller caller, @PathVariable String sid, @PathVariable String name,
                           @RequestParam(defaultValue = "true") boolean data) {
        return sessions.withSession(caller, sid, new Answer(data, Answer.Returns.ALL),
                s -> new Responses.Updated(AutogradController.views(modules.step(s, name), data)));
    }

    @PostMapping("/optimizers/{name}/zero-grad")
    Responses.Updated zeroGrad(Caller caller, @PathVariable String sid, @PathVariable String name,
                               @RequestParam(defaultValue = "true") boolean setToNone,
                               @RequestParam(defaultValue = "true") boolean data) {
        return sessions.withSession(caller, sid, new Answer(data, Answer.Returns.ALL),
                s -> new Responses.Updated(AutogradController.views(modules.zeroGrad(s, name, setToNone), data)));
    }
}
