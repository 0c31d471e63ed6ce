package dev.backprop.web;

import dev.backprop.session.Answer;
import dev.backprop.session.BoundTensor;
import dev.backprop.session.Caller;
import dev.backprop.session.SessionService;
import dev.backprop.session.TensorService;
import java.net.URI;
import java.util.List;
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
@RequestMapping("/api/v1/sessions/{sid}/tensors")
class TensorController {
    private final SessionService sessions;
    private final TensorService tensors;
    private final Audit audit;

    TensorController(SessionService sessions, TensorService tensors, Audit audit) {
        this.sessions = sessions;
        this.tensors = tensors;
        this.audit = audit;
    }

    @PostMapping
    ResponseEntity<TensorView> create(Caller caller, @PathVariable String sid, @RequestBody Requests.CreateTensor body,
                                  @RequestParam(defaultValue = "true") boolean data) {
        if (body == null) throw dev.backprop.session.ApiException.badRequest("a body is required");
        Finite.check(body.data(), "data");
        TensorView view = sessions.withSession(caller, sid, new Answer(data, Answer.Returns.ALL), s -> {
            BoundTensor t = tensors.create(s, body.name(), body.data(), body.dtype(), Boolean.TRUE.equals(body.requiresGrad()));
            return TensorView.of(t.name(), t.tensor(), data);
        });
        return ResponseEntity.created(URI.create("/api/v1/sessions/" + sid + "/tensors/" + body.name())).body(view);
    }

    @GetMapping
    List<TensorInfo> list(Caller caller, @PathVariable String sid) {
        return sessions.withSession(caller, sid, s -> tensors.list(s).stream().map(b -> TensorInfo.of(b.name(), b.tensor())).toList());
    }

    @GetMapping("/{name}")
    TensorView get(Caller caller, @PathVariable String sid, @PathVariable String name,
                   @RequestParam(defaultValue = "true") boolean data) {
        return sessions.withSession(caller, sid, new Answer(data, Answer.Returns.ALL),
                s -> TensorView.of(name, tensors.get(s, name).tensor(), data));
    }

    @DeleteMapping("/{name}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String sid, @PathVariable String name) {
        sessions.inSession(caller, sid, s -> tensors.delete(s, name));
        audit.deleted(caller, "tensor", sid + "/" + name);
        return ResponseEntity.noContent().build();
    }
}
