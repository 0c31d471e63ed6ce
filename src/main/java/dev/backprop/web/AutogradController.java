package dev.backprop.web;

import dev.backprop.session.ApiException;
import dev.backprop.session.AutogradService;
import dev.backprop.session.BoundTensor;
import dev.backprop.session.Caller;
import dev.backprop.session.SessionService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/sessions/{sid}")
@Tag(name = "autograd", description = "torch.autograd.backward and torch.autograd.grad")
class AutogradController {
    private final SessionService sessions;
    private final AutogradService autograd;

    AutogradController(SessionService sessions, AutogradService autograd) {
        this.sessions = sessions;
        this.autograd = autograd;
    }

    @PostMapping("/backward")
    @Operation(operationId = "backward", summary = "torch.autograd.backward: accumulate gradients into leaves (and retained tensors)")
    Responses.Updated backward(@Parameter(hidden = true) Caller caller, @PathVariable String sid, @RequestBody Requests.Backward body) {
        if (body == null) throw ApiException.badRequest("a body is required");
        Finite.check(body.gradTensors(), "gradTensors");
        List<BoundTensor> updated = sessions.withSession(caller, sid, s -> autograd.backward(s, body.tensors(), body.gradTensors(),
                body.retainGraph(), Boolean.TRUE.equals(body.createGraph()), body.inputs()));
        List<TensorView> views = new ArrayList<>();
        for (BoundTensor t : updated) views.add(TensorView.of(t.name(), t.tensor()));
        return new Responses.Updated(views);
    }

    @PostMapping("/grad")
    @Operation(operationId = "grad", summary = "torch.autograd.grad: the gradients, stored under the 'out' names")
    Responses.Grads grad(@Parameter(hidden = true) Caller caller, @PathVariable String sid, @RequestBody Requests.Grad body) {
        if (body == null) throw ApiException.badRequest("a body is required");
        Finite.check(body.gradOutputs(), "gradOutputs");
        List<BoundTensor> grads = sessions.withSession(caller, sid, s -> autograd.grad(s, body.outputs(), body.inputs(),
                body.gradOutputs(), body.retainGraph(), Boolean.TRUE.equals(body.createGraph()),
                Boolean.TRUE.equals(body.allowUnused()), body.out()));
        List<TensorView> views = new ArrayList<>();
        for (BoundTensor t : grads) views.add(t == null ? null : TensorView.of(t.name(), t.tensor()));
        return new Responses.Grads(views);
    }
}
