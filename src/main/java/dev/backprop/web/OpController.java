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
    Object run(Caller caller, @PathVariable String sid, @RequestBody Requests.Op body,
               @RequestParam(defaultValue = "true") boolean data) {
        if (body == null) throw ApiException.badRequest("a body is required");
        boolean batch = body.ops() != null;
        if (batch && body.op() != null) {
            throw ApiException.badRequest("send either one op ('op') or a batch ('ops'), not both");
        }
        if (!batch && body.returns() != null) throw ApiException.badRequest("'returns' is for a batch ('ops')");
        if (batch) onlyBatchFields(body);
        List<OpCall> calls = new ArrayList<>();
        if (batch) {
            for (int i = 0; i < body.ops().size(); i++) {
                Requests.Op op = body.ops().get(i);
                if (op == null) throw ApiException.badRequest("ops[" + i + "] is null");
                calls.add(toCall(op, "ops[" + i + "]"));
            }
        } else {
            calls.add(toCall(body, "op"));
        }
        boolean noGrad = batch && Boolean.TRUE.equals(body.noGrad());
        Answer answer = new Answer(data, Answer.Returns.parse(body.returns()));
        return sessions.withSession(caller, sid, answer, s -> {
            List<List<BoundTensor>> results = executor.run(s, calls, noGrad);
            if (!batch && results.get(0).size() == 1) {
                BoundTensor t = results.get(0).get(0);
                return TensorView.of(t.name(), t.tensor(), data);
            }
            List<TensorView> views = new ArrayList<>();
            for (List<BoundTensor> r : answer.select(results)) {
                for (BoundTensor t : r) views.add(TensorView.of(t.name(), t.tensor(), data));
            }
            return new Responses.Batch(views);
        });
    }

    /** A batch's own fields are ops, noGrad and returns; an op's fields beside them would be dropped. */
    private static void onlyBatchFields(Requests.Op batch) {
        String stray = batch.inputs() != null ? "inputs" : batch.attrs() != null ? "attrs" : batch.out() != null ? "out" : null;
        if (stray != null) throw ApiException.unknownField(stray, List.of("ops", "noGrad", "returns"));
    }

    private static OpCall toCall(Requests.Op op, String where) {
        if (op.ops() != null) throw ApiException.badRequest(where + ": batches do not nest");
        if (op.returns() != null) throw ApiException.badRequest(where + ": 'returns' is for the batch, not its ops");
        if (op.op() == null) throw ApiException.badRequest(where + ": 'op' is required");
        Finite.check(op.inputs(), where + ".inputs");
        Finite.check(op.attrs(), where + ".attrs");
        return new OpCall(op.op(), op.inputs(), op.attrs(), op.out(), Boolean.TRUE.equals(op.noGrad()));
    }
}
