package dev.backprop.web;

import dev.backprop.session.Answer;
import dev.backprop.session.ApiException;
import dev.backprop.session.BoundTensor;
import dev.backprop.session.Caller;
import dev.backprop.session.OpCall;
import dev.backprop.session.OpExecutor;
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
@RequestMapping("/api/v1/sessions/{sid}/ops")
class OpController {
    private final SessionService sessions;
    private final OpExecutor executor;

    OpController(SessionService sessions, OpExecutor executor) {
        this.sessions = sessions;
        this.executor = executor;
    }

    @PostMapping
    Object run(Caller caller, @PathVariable String sid, @RequestBody Requests.OpRequest body,
               @RequestParam(defaultValue = "true") boolean data) {
        return switch (body) {
            case null -> throw ApiException.badRequest("a body is required");
            case Requests.Op op -> sessions.withSession(caller, sid, new Answer(data, Answer.Returns.ALL), s -> {
                List<BoundTensor> results = executor.run(s, List.of(toCall(op, "op")), false).getFirst();
                if (results.size() > 1) return new Responses.Batch(AutogradController.views(results, data));
                return TensorView.of(results.getFirst().name(), results.getFirst().tensor(), data);
            });
            case Requests.OpBatch batch -> runBatch(caller, sid, batch, data);
        };
    }

    private Responses.Batch runBatch(Caller caller, String sid, Requests.OpBatch batch, boolean data) {
        if (batch.ops() == null) throw ApiException.badRequest("'ops' must be a list of ops");
        List<OpCall> calls = new ArrayList<>();
        for (int i = 0; i < batch.ops().size(); i++) {
            Requests.Op op = batch.ops().get(i);
            if (op == null) throw ApiException.badRequest("ops[" + i + "] is null");
            calls.add(toCall(op, "ops[" + i + "]"));
        }
        Answer answer = new Answer(data, Answer.Returns.parse(batch.returns()));
        return sessions.withSession(caller, sid, answer, s -> {
            List<TensorView> views = new ArrayList<>();
            for (List<BoundTensor> r : answer.select(executor.run(s, calls, Boolean.TRUE.equals(batch.noGrad())))) {
                views.addAll(AutogradController.views(r, data));
            }
            return new Responses.Batch(views);
        });
    }

    private static OpCall toCall(Requests.Op op, String where) {
        if (op.op() == null) throw ApiException.badRequest(where + ": 'op' is required");
        Finite.check(op.inputs(), where + ".inputs");
        Finite.check(op.attrs(), where + ".attrs");
        return new OpCall(op.op(), op.inputs(), op.attrs(), op.out(), Boolean.TRUE.equals(op.noGrad()));
    }
}
