# The expected values of SortingTest, from PyTorch 1.13 (Debian's python3-torch): /usr/bin/python3 SortingTest.py
import struct
import torch

nan, inf = float("nan"), float("inf")


def error(f):
    try:
        f()
    except Exception as e:
        return str(e)


x = torch.tensor([[3., nan, 1., nan], [2., 5., 5., -1.]])
print("argmax/argmin dim 1:", torch.argmax(x, 1).tolist(), torch.argmin(x, 1).tolist(), torch.argmax(x, 1).dtype)
t = torch.tensor([[1., 4., 4.], [4., 0., 0.]])
print("argmax/argmin all:", torch.argmax(t).item(), torch.argmin(t).item(), tuple(torch.argmax(t, keepdim=True).shape))
print("argmax int64 dim 0 keepdim:", torch.argmax(torch.tensor([[3, 7], [7, 1]]), 0, True).tolist())
print("argmax dim 2:", error(lambda: torch.argmax(t, 2)))
print("argmax empty:", error(lambda: torch.argmax(torch.tensor([]))))
print("argmax empty dim:", error(lambda: torch.argmax(torch.zeros(2, 0), 1)))
print("argmax bool:", error(lambda: torch.argmax(torch.tensor([True, False]))))

y = torch.tensor([1., 3., 3., 2.], requires_grad=True)
m = torch.amax(y); m.backward()
print("amax ties:", m.item(), m.grad_fn.name(), y.grad.tolist())
y = torch.tensor([1., 3., 3., 2.], requires_grad=True)
torch.max(y).backward()
print("max ties:", y.grad.tolist())
y = torch.tensor([[1., 3., 3.], [2., 2., 0.]], requires_grad=True)
m = torch.amin(y, 1); (m * torch.tensor([1., 2.])).sum().backward()
print("amin dim 1:", m.tolist(), m.grad_fn.name(), y.grad.tolist())
y = torch.tensor([[[1., 6.], [6., 2.]], [[0., 6.], [3., 4.]]], dtype=torch.float64, requires_grad=True)
m = torch.amax(y, (0, 2), keepdim=True); m.sum().backward()
print("amax dims (0, 2) keepdim:", m.tolist(), m.dtype, y.grad.tolist())
print("amax nan, int64, bool:", torch.amax(torch.tensor([1., nan, 2.])).item(), torch.amin(torch.tensor([[4, -2], [1, 9]]), 0).tolist(),
      torch.amax(torch.tensor([False, True])).item())
print("amax empty:", error(lambda: torch.amax(torch.tensor([]))))
print("amax repeated dim:", error(lambda: torch.amax(t, (0, 0))))

print("all/any:", torch.all(torch.tensor([1., nan])).item(), torch.any(torch.tensor([0., -0.])).item(),
      torch.all(torch.tensor([2, 0])).dtype, torch.all(torch.tensor([])).item(), torch.any(torch.tensor([])).item())
z = torch.tensor([[1., 0., 2.], [3., 4., 5.]])
print("all/any dim:", torch.all(z, 1).tolist(), torch.any(z, 0, keepdim=True).tolist(), torch.all(torch.tensor([[0, 2]]), 1).dtype)
print("all dim 2:", error(lambda: torch.all(z, 2)))

s = torch.tensor([2., nan, 1., -0., 0., nan, inf, -inf])
v, i = torch.sort(s)
print("sort:", v.tolist(), i.tolist())
v, i = torch.sort(s, descending=True)
print("sort descending:", v.tolist(), i.tolist())
ties = torch.tensor([float(v % 3) for v in range(40)])
print("sort ties, unstable:", torch.sort(ties).indices.tolist())
print("sort ties, stable:", torch.sort(ties, stable=True).indices.tolist())
print("sort ties descending, stable:", torch.sort(ties, stable=True, descending=True).indices.tolist())
w = torch.tensor([[3., 1., 2.], [0., 5., 4.]], requires_grad=True)
v, i = torch.sort(w, 0, True); (v * torch.tensor([[1., 2., 3.], [4., 5., 6.]])).sum().backward()
print("sort dim 0 descending:", v.grad_fn.name(), v.tolist(), i.tolist(), w.grad.tolist())
print("sort stable grad_fn:", torch.sort(w, stable=True)[0].grad_fn.name())
print("sort int64, bool:", torch.sort(torch.tensor([3, -1, 2])).values.tolist(), torch.sort(torch.tensor([True, False, True])).indices.tolist())

k = torch.tensor([1., 5., 5., nan, 2., 5.])
v, i = torch.topk(k, 3)
print("topk:", v.tolist(), i.tolist())
v, i = torch.topk(k, 3, largest=False)
print("topk smallest:", v.tolist(), i.tolist())
print("topk ties unsorted:", torch.topk(ties, 5, sorted=False).indices.tolist())
w = torch.tensor([[3., 1., 2.], [0., 5., 4.]], requires_grad=True)
v, i = torch.topk(w, 2); (v * torch.tensor([[1., 2.], [3., 4.]])).sum().backward()
print("topk grad:", v.grad_fn.name(), v.tolist(), i.tolist(), w.grad.tolist())
print("topk k too large:", error(lambda: torch.topk(torch.zeros(3), 4)))
print("topk bool:", error(lambda: torch.topk(torch.tensor([True]), 1)))

print("eye:", torch.eye(2, 3).tolist(), torch.eye(3, dtype=torch.int64).tolist(), torch.eye(2, dtype=torch.bool).tolist())
print("eye negative:", error(lambda: torch.eye(-1)), "|", error(lambda: torch.eye(2, -1)))


def bits(t):
    fmt = ("<f", "<I", "%08x") if t.dtype == torch.float32 else ("<d", "<Q", "%016x")
    return " ".join(fmt[2] % struct.unpack(fmt[1], struct.pack(fmt[0], v))[0] for v in t.tolist())


for dtype in (torch.float32, torch.float64):
    for start, end, steps in ((0, 1, 7), (0, 1, 100), (-1, -5.5, 100), (2.5, -10, 33), (-3.7, 2.1, 100)):
        print("linspace", dtype, start, end, steps, ":", bits(torch.linspace(start, end, steps, dtype=dtype)))
print("linspace int64:", torch.linspace(0.5, 9.7, 13, dtype=torch.int64).tolist(), torch.linspace(5, 5, 1).tolist())
print("linspace negative steps:", error(lambda: torch.linspace(0, 1, -1)))
print("linspace int64 from nan:", error(lambda: torch.linspace(nan, 1, 3, dtype=torch.int64)))
