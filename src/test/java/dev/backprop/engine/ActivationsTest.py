# The expected values of ActivationsTest, from PyTorch 1.13 (Debian's python3-torch): /usr/bin/python3 ActivationsTest.py
# Each line: a label, the result's dtype and grad_fn, its values, and the gradient of (result * G).sum() for the input.
import torch
import torch.nn.functional as F

X = [-2.5, -1.0, -0.3, 0.0, 0.4, 1.7]
G = [1.0, -2.0, 0.5, 3.0, -1.0, 2.0]


def show(label, f, dtype, shape=(6,), x=X):
    x = torch.tensor(x, dtype=dtype).reshape(shape).requires_grad_()
    y = f(x * 1 if label.endswith("_") else x)
    (y * torch.tensor(G, dtype=dtype).reshape(shape)).sum().backward()
    print(label, str(dtype)[6:], y.grad_fn.name(), y.flatten().tolist(), x.grad.flatten().tolist())


for dtype in (torch.float32, torch.float64):
    show("softmax dim 1", lambda x: torch.softmax(x, 1), dtype, (2, 3))
    show("softmax dim 0", lambda x: torch.softmax(x, 0), dtype, (2, 3))
    show("log_softmax dim 1", lambda x: torch.log_softmax(x, 1), dtype, (2, 3))
    show("log_softmax dim -2", lambda x: torch.log_softmax(x, -2), dtype, (2, 3))
    show("leaky_relu", F.leaky_relu, dtype)
    show("leaky_relu 0.2", lambda x: F.leaky_relu(x, 0.2), dtype)
    show("leaky_relu_", lambda x: F.leaky_relu_(x, 0.2), dtype)
    show("gelu", F.gelu, dtype)
    show("gelu tanh", lambda x: F.gelu(x, approximate="tanh"), dtype)
    show("softplus", F.softplus, dtype)
    show("softplus beta 2 threshold 1", lambda x: F.softplus(x, 2, 1), dtype)
    show("silu", F.silu, dtype)
    show("elu", F.elu, dtype)
    show("elu 0.5", lambda x: F.elu(x, 0.5), dtype)
    show("elu_", lambda x: F.elu_(x, 0.5), dtype)
    show("hardtanh", F.hardtanh, dtype)
    show("hardtanh -0.3 0.4", lambda x: F.hardtanh(x, -0.3, 0.4), dtype)
    show("hardtanh_", lambda x: F.hardtanh_(x, -0.5, 1.0), dtype)

big = torch.tensor([[-1000.0, 0.0, 1000.0], [88.0, 89.0, 90.0]])
print("softmax of large values", torch.softmax(big, 1).flatten().tolist())
print("log_softmax of large values", torch.log_softmax(big, 1).flatten().tolist())
x = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
y = torch.softmax(x, 0, dtype=torch.float64)
y[0].backward()
print("softmax to float64", y.dtype, y.grad_fn.name(), y.tolist(), x.grad.dtype, x.grad.tolist())
print("softmax of a 0-d", torch.softmax(torch.tensor(3.0), 0).item(), torch.log_softmax(torch.tensor(3.0), -1).item())
print("hardtanh of int64", F.hardtanh(torch.tensor([-3, 0, 2]), -1.5, 1.5).tolist())
x = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
g, = torch.autograd.grad(F.gelu(x).sum(), x, create_graph=True)
print("gelu second derivative", torch.autograd.grad(g.sum(), x)[0].tolist())
x = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
g, = torch.autograd.grad((torch.softmax(x, 0) * torch.tensor([1.0, 2.0, 3.0])).sum(), x, create_graph=True)
print("softmax second derivative", torch.autograd.grad((g * g).sum(), x)[0].tolist())

def error(label, f):
    try:
        f()
    except Exception as e:
        print(label, type(e).__name__, str(e).split("\n")[0])

i = torch.tensor([1, 2, 3])
error("softmax of int64", lambda: torch.softmax(i, 0))
error("softmax of int64 over dim 0", lambda: torch.softmax(i.reshape(1, 3), 0))
error("log_softmax of int64", lambda: torch.log_softmax(i, 0))
error("log_softmax of int64 over dim 0", lambda: torch.log_softmax(i.reshape(1, 3), 0))
error("softmax dim", lambda: torch.softmax(torch.ones(2, 3), 2))
error("leaky_relu of int64", lambda: F.leaky_relu(i))
error("gelu of int64", lambda: F.gelu(i))
error("gelu approximate", lambda: F.gelu(torch.ones(2), approximate="fast"))
error("softplus of int64", lambda: F.softplus(i))
error("silu of int64", lambda: F.silu(i))
error("elu of bool", lambda: F.elu(torch.tensor([True])))
error("hardtanh of bool", lambda: F.hardtanh(torch.tensor([True])))
error("leaky_relu_ negative slope", lambda: F.leaky_relu_(torch.ones(2, requires_grad=True) * 1, -0.5).sum().backward())
error("elu_ negative alpha", lambda: F.elu_(torch.ones(2, requires_grad=True) * 1, -0.5).sum().backward())
