package dev.backprop.web;

import dev.backprop.session.Answer;
import dev.backprop.session.ApiException;
import dev.backprop.session.AutogradService;
import dev.backprop.session.BoundTensor;
import dev.backprop.session.Caller;
import dev.backprop.session.SessionService;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/sessions/{sid}")
class AutogradController {
    private final SessionService sessions;
    private final AutogradService autograd;

    AutogradController(SessionService sessions, AutogradService autograd) {
        this.sessions = sessions;
        this.autograd = autograd;
    }

    @PostMapping("/backward")
    Responses.Updated backward(Caller caller, @PathVariable String sid, @RequestBody Requests.Backward body,
                               @RequestParam(defaultValue = "true") boolean data) {
        if (body == null) throw ApiException.badRequest("a body is required");
        Finite.check(body.gradTensors(), "gradTensors");
        return sessions.withSession(caller, sid, new Answer(data, Answer.Returns.ALL), s -> {
            List<BoundTensor> updated = autograd.backward(s, body.tensors(), body.gradTensors(), body.retainGraph(),
                    Boolean.TRUE.equals(body.createGraph()), body.inputs());
            return new Responses.Updated(views(updated, data));
        });
    }

    @PostMapping("/grad")
    Responses.Grads grad(Caller caller, @PathVariable String sid, @RequestBody Requests.Grad body,
                         @RequestParam(defaultValue = "true") boolean data) {
        if (body == null) throw ApiException.badRequest("a body is required");
        Finite.check(body.gradOutputs(), "gradOutputs");
        return sessions.withSession(caller, sid, new Answer(data, Answer.Returns.ALL), s -> {
            List<BoundTensor> grads = autograd.grad(s, body.outputs(), body.inputs(), body.gradOutputs(), body.retainGraph(),
                    Boolean.TRUE.equals(body.createGraph()), Boolean.TRUE.equals(body.allowUnused()), body.out());
            return new Responses.Grads(views(grads, data));
        });
    }

    /** The views of {@code tensors}, in order; null stays null (an unused input's gradient). */
    static List<TensorView> views(List<BoundTensor> tensors, boolean data) {
        List<TensorView> views = new ArrayList<>(tensors.size());
        for (BoundTensor t : tensors) views.add(t == null ? null : TensorView.of(t.name(), t.tensor(), data));
        return views;
    }
}
