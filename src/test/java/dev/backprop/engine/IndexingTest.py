# The expected values of IndexingTest, from PyTorch 1.13 (Debian's python3-torch): /usr/bin/python3 IndexingTest.py
import torch


def leaf():
    return torch.arange(12.).reshape(3, 4).requires_grad_()


def show(label, key):
    x = leaf()
    y = eval("x[" + key + "]")
    (y * y).sum().backward()
    print(label, y.grad_fn.name(), y._is_view(), tuple(y.shape), y.tolist(), x.grad.tolist())


def error(label, f):
    try:
        f()
    except Exception as e:
        print(label, type(e).__name__, e)


idx = torch.tensor([2, 0, 2])
mask = torch.tensor([True, False, True])
grid = torch.arange(12).reshape(3, 4) % 3 == 0
show("slices:", "1:3, ::2")
show("index tensor:", "idx")
show("mask:", "mask")
show("grid mask:", "grid")
show("none, int:", "None, 1")
show("ellipsis, int:", "..., 0")
show("ellipsis:", "...")
show("int list, slice:", "[0, 2, 2], 1:")
show("slice, int list:", ":, [3, 0]")
show("negative slice bounds:", "-2:, -3:-1")
show("bool:", "True")
x = torch.arange(24.).reshape(2, 3, 4)
print("separated:", tuple(x[[1, 0], :, [2, 2]].shape), x[[1, 0], :, [2, 2]].tolist())
print("adjacent:", tuple(x[:, [1, 0], [2, 2]].shape), x[:, [1, 0], [2, 2]].tolist())
x = leaf()
error("out of range:", lambda: x[5])
error("index tensor out of range:", lambda: x[torch.tensor([0, 5])])
error("mask shape:", lambda: x[torch.tensor([True, False])])
error("too many:", lambda: x[1, 2, 3])
error("negative step:", lambda: x[::-1])
error("zero step:", lambda: x[::0])
error("float:", lambda: x[1.5])
error("float index tensor:", lambda: x[torch.tensor([1.])])
error("0-dim:", lambda: torch.tensor(3.)[0])

x = leaf()
y = x.index_select(1, torch.tensor([3, 0, 3])); (y * y).sum().backward()
print("index_select:", y.grad_fn.name(), y.tolist(), x.grad.tolist())
x = leaf()
y = x.gather(1, torch.tensor([[1, 0], [3, 3], [2, 0]])); (y * y).sum().backward()
print("gather:", y.grad_fn.name(), y.tolist(), x.grad.tolist())
x = leaf(); src = torch.tensor([[10., 20.], [30., 40.], [50., 60.]], requires_grad=True)
y = x.scatter(1, torch.tensor([[1, 0], [3, 2], [2, 0]]), src); (y * y).sum().backward()
print("scatter:", y.grad_fn.name(), y.tolist(), x.grad.tolist(), src.grad.tolist())
x = leaf()
y = x.scatter(0, torch.tensor([[2, 0, 1, 1]]), 2.5); (y * y).sum().backward()
print("scatter value:", y.grad_fn.name(), y.tolist(), x.grad.tolist())
x = leaf(); src = torch.tensor([[10., 20.], [30., 40.], [50., 60.]], requires_grad=True)
y = x.scatter_add(1, torch.tensor([[1, 1], [3, 3], [2, 0]]), src); (y * y).sum().backward()
print("scatter_add:", y.grad_fn.name(), y.tolist(), x.grad.tolist(), src.grad.tolist())
x = leaf(); v = torch.tensor(-1., requires_grad=True)
y = x.masked_fill(grid, v); (y * y).sum().backward()
print("masked_fill tensor:", y.grad_fn.name(), y.tolist(), x.grad.tolist(), v.grad.item())
x = leaf()
y = x.masked_fill(torch.tensor([True, False, False, True]), 7); (y * y).sum().backward()
print("masked_fill number:", y.grad_fn.name(), y.tolist(), x.grad.tolist())
x = leaf(); v = torch.tensor([1., 2., 3., 4.], requires_grad=True)
y = x.index_put((torch.tensor([0, 2, 0]),), v, accumulate=True); (y * y).sum().backward()
print("index_put accumulate:", y.grad_fn.name(), y.tolist(), x.grad.tolist(), v.grad.tolist())
x = leaf(); v = torch.tensor([1., 2.], requires_grad=True)
y = x.index_put((torch.tensor([0, 2]), torch.tensor([1, 3])), v); (y * y).sum().backward()
print("index_put points:", y.grad_fn.name(), y.tolist(), x.grad.tolist(), v.grad.tolist())
x = leaf()
error("index_select float index:", lambda: x.index_select(0, torch.tensor([0.])))
error("index_select out of range:", lambda: x.index_select(0, torch.tensor([3])))
error("gather dims:", lambda: x.gather(1, torch.tensor([0])))
error("gather out of range:", lambda: x.gather(1, torch.tensor([[4]])))
error("scatter dtype:", lambda: x.scatter(1, torch.tensor([[0]]), torch.zeros(1, 1, dtype=torch.float64)))
error("scatter size:", lambda: x.scatter(1, torch.tensor([[0, 1]]), torch.zeros(1, 1)))
error("masked_fill value dims:", lambda: x.masked_fill(grid, torch.tensor([1., 2.])))
error("index_put dtype:", lambda: x.index_put((torch.tensor([0]),), torch.tensor(1, dtype=torch.float64)))
error("index_put shape:", lambda: x.index_put((torch.tensor([0, 1]),), torch.tensor([1., 2.])))

z = torch.zeros(3, 4)
z[1:3, ::2] = 5
z[torch.tensor([0])] = torch.tensor([1., 2., 3., 4.])
z[grid] = -2
z[torch.tensor([False, False, True]), 1] = -1
z[..., 3] = torch.tensor([7., 8., 9.])
print("setitem:", z.tolist())
w = torch.tensor([1., 2., 3., 4.], requires_grad=True); v = torch.tensor([10., 20., 30., 40.], requires_grad=True)
y = w.expand(3, 4) * 1
y[[0, 2]] = v
(y * y).sum().backward()
print("setitem advanced:", y.grad_fn.name(), y.tolist(), w.grad.tolist(), v.grad.tolist())
w = torch.tensor([1., 2., 3.], requires_grad=True)
z = torch.zeros(2, 3)
z.copy_(w * 2)
(z * z).sum().backward()
print("copy_:", z.grad_fn.name(), z.tolist(), w.grad.tolist())
print("0-d:", torch.tensor(3.).gather(0, torch.tensor([0])).tolist(), torch.arange(3.).gather(0, torch.tensor(1)).tolist(),
      torch.arange(3.).scatter_add(0, torch.tensor([1]), torch.tensor(2.)).tolist())
error("scatter_add dtype:", lambda: torch.arange(3).scatter_add(0, torch.tensor([1]), torch.tensor(2.)))
z = torch.zeros(3, 4); row = torch.tensor([1., 2., 3., 4.])
z[1:3, ::2] = 5
z[[0]] = row
z[[False, False, True], 1] = -1
z.index_put_((torch.tensor([2]),), row, accumulate=True)
print("http setitem, index_put_:", z.tolist())
