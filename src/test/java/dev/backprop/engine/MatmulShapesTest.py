# The expected values of MatmulShapesTest, from PyTorch 1.13 (Debian's python3-torch): /usr/bin/python3 MatmulShapesTest.py
import torch

v = torch.tensor([1., 2., 3.], requires_grad=True); m = torch.arange(12.).reshape(3, 4)
r = v @ m; r.sum().backward()
print("vector @ matrix:", r.grad_fn.name(), r.tolist(), v.grad.tolist())
x = torch.arange(24.).reshape(2, 3, 4).requires_grad_(); y = torch.arange(20.).reshape(4, 5)
r = torch.matmul(x, y); r.sum().backward()
print("batch @ matrix:", r.grad_fn.name(), tuple(r.shape), x.grad[0, 0].tolist())
x = torch.arange(24.).reshape(2, 3, 4).requires_grad_()
print("batch @ vector:", torch.matmul(x, torch.arange(4.)).grad_fn.name(), tuple(torch.matmul(x, torch.arange(4.)).shape))
x = torch.arange(3.).requires_grad_(); r = torch.matmul(x, torch.arange(24.).reshape(2, 3, 4))
print("vector @ batch:", r.grad_fn.name(), tuple(r.shape), r.tolist())
x = torch.arange(24.).reshape(2, 3, 4).requires_grad_(); r = torch.matmul(x, torch.arange(40.).reshape(2, 4, 5))
print("batch @ batch:", r.grad_fn.name(), tuple(r.shape))
try:
    torch.matmul(torch.randn(3, 2, 3), torch.randn(3, 4, 5))
except RuntimeError as e:
    print("mismatch:", e)
x = torch.tensor([1., 2., 3.], requires_grad=True)
p = torch.pow(2.0, x); p.sum().backward()
print("pow(2.0, x):", p.grad_fn.name(), p.tolist(), x.grad.tolist())
for make in (lambda: torch.tensor([1, 2], requires_grad=True), lambda: torch.tensor([1, 2]).requires_grad_()):
    try:
        make()
    except RuntimeError as e:
        print("requires grad:", e)
