# The expected values of NormalizationOpsTest, from PyTorch 1.13 (Debian's python3-torch): /usr/bin/python3 NormalizationOpsTest.py
import math
import torch
import torch.nn.functional as F


def error(f):
    try:
        f()
    except Exception as e:
        return str(e)


def values(n, dtype=torch.float32):
    """The inputs the Java test builds the same way: ((i * 37) % 101 - 50) / 7 + offset, rounded to the dtype."""
    return torch.tensor([((i * 37) % 101 - 50) / 7 + 3.25 for i in range(n)], dtype=dtype)


def checksums(t):
    """The exactly rounded sum of the elements and of element * (position + 1): both differ when any bit does."""
    v = t.double().flatten().tolist()
    return math.fsum(v), math.fsum(x * (i + 1) for i, x in enumerate(v))


for rows, n in [(1, 5), (3, 17), (2, 129), (1, 300), (1, 2100)]:
    x = values(rows * n).reshape(rows, n)
    print(f"layer_norm float32 {rows}x{n}:", checksums(F.layer_norm(x, [n])))
    w, b = values(n) / 4, values(n).flip(0) / 8
    print(f"layer_norm affine float32 {rows}x{n}:", checksums(F.layer_norm(x, [n], w, b)))
    print(f"layer_norm float64 {rows}x{n}:", checksums(F.layer_norm(x.double(), [n], w.double(), b.double())))

x = values(24).reshape(2, 3, 4).requires_grad_()
w = (values(12).reshape(3, 4) / 5).requires_grad_()
b = (values(12).reshape(3, 4) / -3).requires_grad_()
y = F.layer_norm(x, [3, 4], w, b, eps=1e-3)
print("layer_norm two dims grad_fn:", y.grad_fn.name())
(y * values(24).reshape(2, 3, 4).flip(0)).sum().backward()
print("layer_norm grads x:", x.grad.flatten().tolist())
print("layer_norm grads w:", w.grad.flatten().tolist())
print("layer_norm grads b:", b.grad.flatten().tolist())

x = torch.tensor([[1., 2., 4.], [-1., 0., 3.]], dtype=torch.float64, requires_grad=True)
y = F.layer_norm(x, [3])
(gx,) = torch.autograd.grad((y * torch.tensor([1., -2., 0.5], dtype=torch.float64)).sum(), x, create_graph=True)
(ggx,) = torch.autograd.grad((gx * gx).sum(), x)
print("layer_norm double backward:", gx.flatten().tolist(), ggx.flatten().tolist())

t = torch.zeros(2, 3, 4)
print("layer_norm shape:", error(lambda: F.layer_norm(t, [3])))
print("layer_norm weight:", error(lambda: F.layer_norm(t, [4], torch.ones(3))))
print("layer_norm bias:", error(lambda: F.layer_norm(t, [4], None, torch.ones(3))))
print("layer_norm empty shape:", error(lambda: F.layer_norm(t, [])))
print("layer_norm long:", error(lambda: F.layer_norm(torch.tensor([1, 2]), [2])))
print("layer_norm weight dtype:", error(lambda: F.layer_norm(t, [4], torch.ones(4, dtype=torch.float64))))

weight = values(15).reshape(5, 3).requires_grad_()
idx = torch.tensor([[4, 0, 4], [2, 0, 1]])
out = F.embedding(idx, weight, padding_idx=0)
print("embedding:", out.grad_fn.name(), list(out.shape), out.flatten().tolist())
(out * values(18).reshape(2, 3, 3)).sum().backward()
print("embedding padding_idx grad:", weight.grad.flatten().tolist())
weight.grad = None
F.embedding(idx, weight, padding_idx=-1, scale_grad_by_freq=True).sum().backward()
print("embedding scale_grad_by_freq grad:", weight.grad.flatten().tolist())

w64 = torch.arange(8., dtype=torch.float64).reshape(4, 2).requires_grad_()
v = torch.tensor([[1., 2.], [3., 4.], [5., 6.]], dtype=torch.float64, requires_grad=True)
(gw,) = torch.autograd.grad((F.embedding(torch.tensor([3, 1, 3]), w64, padding_idx=1) * v).sum(), w64, create_graph=True)
(gv,) = torch.autograd.grad((gw * torch.tensor([[1., -1.], [2., 0.], [0., 5.], [7., 3.]], dtype=torch.float64)).sum(), v)
print("embedding double backward:", gw.flatten().tolist(), gv.flatten().tolist())

w = torch.zeros(5, 3)
print("embedding out of range:", error(lambda: F.embedding(torch.tensor([5]), w)), error(lambda: F.embedding(torch.tensor([-1]), w)))
print("embedding float indices:", error(lambda: F.embedding(torch.tensor([1.]), w)))
print("embedding bool indices:", error(lambda: F.embedding(torch.tensor([True]), w)))
print("embedding weight 1-D:", error(lambda: F.embedding(torch.tensor([1]), torch.zeros(5))))
print("embedding padding_idx:", error(lambda: F.embedding(torch.tensor([1]), w, padding_idx=5)),
      error(lambda: F.embedding(torch.tensor([1]), w, padding_idx=-6)))
