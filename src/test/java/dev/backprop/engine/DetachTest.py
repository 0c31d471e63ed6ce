# The expected values of DetachTest, from PyTorch 1.13 (Debian's python3-torch): /usr/bin/python3 DetachTest.py
import torch

w = torch.ones(2, requires_grad=True); d = w.detach()
print("detach of a leaf:", d._is_view(), d.requires_grad, d.is_leaf)
y = (w * w).sum()
d.add_(1); print("after d.add_(1):", w.tolist(), w._version, d._version)
try:
    y.backward()
except RuntimeError as e:
    print("backward:", e)
a = torch.ones(2, requires_grad=True) * 2; v = a.detach(); v.mul_(3)
print("detach of a non-leaf, changed in place:", a.tolist(), a._version, a.grad_fn.name())
x = torch.ones(2, requires_grad=True) * 1; x.detach_()
print("detach_ of a non-leaf:", x.requires_grad, x.grad_fn, x.is_leaf)
l = torch.ones(2, requires_grad=True); l.detach_()
print("detach_ of a leaf:", l.requires_grad, l.is_leaf)
try:
    torch.ones(4, requires_grad=True).view(2, 2).detach_()
except RuntimeError as e:
    print("detach_ of a view:", e)
