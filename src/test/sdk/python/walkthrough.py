"""The seed walkthrough through the generated Python client, typed models only:
y = (w + x)(w + 1) with w = 1 and x = 2; backward gives w.grad 5 and x.grad 2, and a second backward
through the freed graph is PyTorch's error, read as a typed Problem.
Usage: python walkthrough.py BASE_URL   (BASE_URL is the service's root, e.g. http://127.0.0.1:8080)"""
import sys

import backprop_client as bp


def main(base):
    with bp.ApiClient(bp.Configuration(host=base)) as client:
        sessions, tensors = bp.SessionsApi(client), bp.TensorsApi(client)
        ops, autograd = bp.OpsApi(client), bp.AutogradApi(client)

        session = sessions.create_session(bp.CreateSession())
        assert isinstance(session, bp.SessionView), "createSession answered %r, not a SessionView" % (session,)
        sid = session.id

        # A proxy that re-serializes JSON (Prism does) writes 1.0 as 1, which the service, as torch.tensor,
        # reads as int64: the dtype says float32.
        for name, value in (("w", 1.0), ("x", 2.0)):
            tensor = tensors.create_tensor(sid, bp.CreateTensor(name=name, data=[value], dtype="float32", requires_grad=True))
            assert isinstance(tensor, bp.TensorView), "createTensor %s answered %r" % (name, tensor)
            assert tensor.requires_grad and tensor.is_leaf and tensor.data == [value], tensor

        answer = ops.run_ops(sid, bp.Op(ops=[
            bp.Op(op="add", inputs=["w", "x"], out="a"),
            bp.Op(op="add", inputs=["w", 1], out="b"),
            bp.Op(op="mul", inputs=["a", "b"], out="y"),
        ]))
        y = answer.results[-1]
        assert (y.name, y.data, y.grad_fn) == ("y", [6.0], "MulBackward0"), y

        updated = autograd.backward(sid, bp.Backward(tensors=["y"]))
        grads = {view.name: view.grad for view in updated.updated}
        assert grads == {"w": [5.0], "x": [2.0]}, "backward updated %r" % grads

        try:
            autograd.backward(sid, bp.Backward(tensors=["y"]))
            raise AssertionError("a second backward through the freed graph succeeded")
        except bp.ApiException as e:
            assert e.status == 422, e
            assert isinstance(e.data, bp.Problem), "the 422's body is %r, not a typed Problem" % (e.data,)
            assert e.data.code == "graph-freed", e.data
            assert e.data.detail.startswith("Trying to backward through the graph a second time"), e.data.detail

        sessions.delete_session(sid)
    print("walkthrough.py: w.grad 5, x.grad 2, graph-freed read as a Problem")


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"))
