# PyTorch 1.13's answers for CopySlicesTest: in-place ops through views of non-leaves.
import torch

def show(label, *values):
    print(label, *values)

def names(t):
    return type(t.grad_fn).__name__ if t.grad_fn is not None else None

x = torch.arange(6., requires_grad=True)
a = x * 2; v = a.view(3, 2); v.mul_(3)
show("view mul_:", names(a), names(v), a.tolist(), type(a.grad_fn.next_functions[0][0]).__name__)
(a * torch.arange(6.)).sum().backward(); show("  x.grad", x.grad.tolist())

x = torch.arange(6., requires_grad=True).reshape(2, 3).detach().requires_grad_()
a = x * 2; v = a.t(); v.add_(torch.tensor([[1.], [2.], [3.]]))
show("t add_:", names(a), names(v), a.tolist())
(a ** 2).sum().backward(); show("  x.grad", x.grad.tolist())

x = torch.arange(6., requires_grad=True).reshape(2, 3).detach().requires_grad_()
a = x * 2; v = a.select(0, 1); v.mul_(3)
show("select mul_:", names(a), names(v), a.tolist())
a.sum().backward(); show("  x.grad", x.grad.tolist())

x = torch.arange(4., requires_grad=True)
a = x * 2; v = a[1:]; v.exp_()
show("slice exp_:", names(a), names(v), [round(e, 4) for e in a.tolist()])
a.sum().backward(); show("  x.grad", x.grad.tolist())

x = torch.arange(6., requires_grad=True)
a = x * 2; w = a[2:]; a.add_(1)
show("base add_ after view:", names(a), names(w), w.tolist())
w.sum().backward(); show("  x.grad", x.grad.tolist())

x = torch.arange(6., requires_grad=True)
a = x * 2; v = a.view(3, 2); w = a[1:]; v.mul_(3)
show("sibling view:", names(w))
(a.sum() + w.pow(2).sum()).backward(); show("  x.grad", x.grad.tolist())

w = torch.tensor([1., 2.], requires_grad=True)
a = torch.zeros(4); a.narrow(0, 1, 2).add_(w)
show("other requires grad:", names(a), a.requires_grad, a.tolist())
(a * torch.tensor([1., 2., 3., 4.])).sum().backward(); show("  w.grad", w.grad.tolist())

x = torch.tensor([1., 2., 3., 4.], requires_grad=True)
a = x * 1; a.narrow(0, 0, 2).pow_(2)
g, = torch.autograd.grad(a.sum(), x, create_graph=True)
show("second order:", g.tolist(), names(g))
g.sum().backward(); show("  x.grad", x.grad.tolist())

x = torch.arange(3., requires_grad=True)
a = x * 2; b = a.log(); a[0:2].mul_(2)
try:
    b.sum().backward()
except RuntimeError as e:
    show("saved then changed:", str(e))

x = torch.arange(3., requires_grad=True)
a = x * 1; e = a[:1].expand(3)
try:
    e.mul_(2)
except RuntimeError as err:
    show("expand:", str(err))

x = torch.arange(3., requires_grad=True)
try:
    x[1:].mul_(2)
except RuntimeError as err:
    show("leaf view:", str(err))

x = torch.arange(6., requires_grad=True)
a = x * 2; p = a.split(2)
try:
    p[1].mul_(2)
except RuntimeError as err:
    show("split:", str(err))
b = torch.arange(6.); q = b.split(2); q[1].mul_(2); show("split without grad:", b.tolist())

x = torch.arange(6., requires_grad=True)
a = x * 2
with torch.no_grad():
    v = a[1:]
try:
    v.mul_(2)
except RuntimeError as err:
    show("no_grad view:", str(err))

for label, key in [('1', 1), (':, [0, 1, 2, 3]', (slice(None), [0, 1, 2, 3]))]:
    z = torch.zeros(3, 4); w = torch.tensor([1., 2., 3., 4.], requires_grad=True)
    z[key] = w
    (z * torch.arange(12.).view(3, 4)).sum().backward()
    show("setitem " + label + ":", type(z.grad_fn).__name__, w.grad.tolist())
