"""The seed walkthrough through the generated Python client, typed models only:
y = (w + x)(w + 1) with w = 1 and x = 2; backward gives w.grad 5 and x.grad 2, and a second backward
through the freed graph is PyTorch's error, read as a typed Problem. Then a module and an SGD step.
Every request sends the key of BACKPROP_API_KEY; a call without a key, and one with a wrong key, is the
client's UnauthorizedException with a typed Problem.
Usage: python walkthrough.py BASE_URL [SERVICE_URL]   (BASE_URL is the service's root, e.g. http://127.0.0.1:8080)
SERVICE_URL, when given, is where the call without a key goes: a proxy that checks the spec's security (Prism
does) answers that call itself."""
import sys

import backprop_client as bp
from backprop_client.exceptions import UnauthorizedException
from _auth import configuration


def values(data):
    """A TensorData's plain value (nested lists, numbers, booleans or the non-finite strings)."""
    return None if data is None else data.actual_instance


def refused(host, key, code):
    """Lists sessions with the given key (None: no credentials) and checks the 401 Problem with that code."""
    with bp.ApiClient(bp.Configuration(host=host, access_token=key)) as client:
        try:
            bp.SessionsApi(client).list_sessions()
            raise AssertionError("listing sessions with %s succeeded" % ("a wrong key" if key else "no key"))
        except UnauthorizedException as e:
            assert e.status == 401, e
            assert isinstance(e.data, bp.Problem), "the 401's body is %r, not a typed Problem" % (e.data,)
            assert e.data.code == code, e.data


def main(base, service):
    refused(service, None, "unauthenticated")
    refused(base, "bp_" + "0" * 43, "invalid-credentials")

    with bp.ApiClient(configuration(base)) as client:
        sessions, tensors = bp.SessionsApi(client), bp.TensorsApi(client)
        ops, autograd, training = bp.OpsApi(client), bp.AutogradApi(client), bp.TrainingApi(client)

        session = sessions.create_session(create_session_request=bp.CreateSessionRequest(seed=1))
        assert isinstance(session, bp.SessionView), "createSession answered %r, not a SessionView" % (session,)
        sid = session.id

        # A proxy that re-serializes JSON (Prism does) writes 1.0 as 1, which the service, as torch.tensor,
        # reads as int64: the dtype says float32.
        for name, value in (("w", 1.0), ("x", 2.0)):
            tensor = tensors.create_tensor(sid, bp.CreateTensorRequest(
                name=name, data=bp.TensorData([value]), dtype="float32", requires_grad=True))
            assert isinstance(tensor, bp.TensorView), "createTensor %s answered %r" % (name, tensor)
            assert tensor.requires_grad and tensor.is_leaf and values(tensor.data) == [value], tensor

        answer = ops.run_ops(sid, bp.OpRequest(bp.OpBatch(ops=[
            bp.Op(op="add", inputs=[bp.OpInput("w"), bp.OpInput("x")], out=bp.OpOut("a")),
            bp.Op(op="add", inputs=[bp.OpInput("w"), bp.OpInput(1)], out=bp.OpOut("b")),
            bp.Op(op="mul", inputs=[bp.OpInput("a"), bp.OpInput("b")], out=bp.OpOut("y")),
        ])))
        y = answer.actual_instance.results[-1]
        assert (y.name, values(y.data), y.grad_fn) == ("y", [6.0], "MulBackward0"), y

        updated = autograd.backward(sid, bp.BackwardRequest(tensors=["y"]))
        grads = {view.name: values(view.grad) for view in updated.updated}
        assert grads == {"w": [5.0], "x": [2.0]}, "backward updated %r" % grads
        assert values(tensors.get_tensor(sid, "w").grad) == [5.0]
        assert values(tensors.get_tensor(sid, "x.grad").data) == [2.0]

        try:
            autograd.backward(sid, bp.BackwardRequest(tensors=["y"]))
            raise AssertionError("a second backward through the freed graph succeeded")
        except bp.ApiException as e:
            assert e.status == 422, e
            assert isinstance(e.data, bp.Problem), "the 422's body is %r, not a typed Problem" % (e.data,)
            assert e.data.code == "graph-freed", e.data
            assert e.data.detail.startswith("Trying to backward through the graph a second time"), e.data.detail

        # A module and one SGD step: every parameter moves by -lr * grad.
        module = training.create_module(sid, bp.CreateModuleRequest(bp.SequentialModuleRequest(name="net", layers=[
            bp.Layer(bp.LinearLayer(type="linear", in_features=2, out_features=1)),
            bp.Layer(bp.ActivationLayer(type="sigmoid")),
        ])))
        assert module.parameters == {"net.0.weight": [1, 2], "net.0.bias": [1]}, module
        training.create_optimizer(sid, bp.CreateOptimizerRequest(name="opt", type="sgd", params=["net"], lr=0.5))
        tensors.create_tensor(sid, bp.CreateTensorRequest(name="inputs", data=bp.TensorData([[1.0, -2.0]]), dtype="float32"))
        ops.run_ops(sid, bp.OpRequest(bp.OpBatch(ops=[
            bp.Op(op="call", inputs=[bp.OpInput("inputs")], attrs={"module": "net"}, out=bp.OpOut("p")),
            bp.Op(op="sum", inputs=[bp.OpInput("p")], out=bp.OpOut("loss")),
        ], returns="none")))
        before = {n: values(tensors.get_tensor(sid, n).data) for n in ("net.0.weight", "net.0.bias")}
        autograd.backward(sid, bp.BackwardRequest(tensors=["loss"]))
        grads = {n: values(tensors.get_tensor(sid, n).grad) for n in before}
        stepped = {view.name: values(view.data) for view in training.optimizer_step(sid, "opt").updated}
        expected = {"net.0.weight": [[w - 0.5 * g for w, g in zip(before["net.0.weight"][0], grads["net.0.weight"][0])]],
                    "net.0.bias": [before["net.0.bias"][0] - 0.5 * grads["net.0.bias"][0]]}
        for name, want in expected.items():
            got = stepped[name]
            flat_got, flat_want = (got[0], want[0]) if name.endswith("weight") else (got, want)
            assert all(abs(a - b) < 1e-6 for a, b in zip(flat_got, flat_want)), "%s stepped to %r, want %r" % (name, got, want)

        sessions.delete_session(sid)
    print("walkthrough.py: no key and a wrong key refused with 401 Problems, w.grad 5, x.grad 2, graph-freed read as "
          "a Problem, an SGD step moved net by -lr * grad")


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"), (sys.argv[2] if len(sys.argv) > 2 else sys.argv[1]).rstrip("/"))
