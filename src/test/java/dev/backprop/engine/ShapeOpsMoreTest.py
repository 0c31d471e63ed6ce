# The expected values of ShapeOpsMoreTest, from PyTorch 1.13 (Debian's python3-torch): /usr/bin/python3 ShapeOpsMoreTest.py
import torch


def leaf(n, *shape):
    return torch.arange(float(n)).reshape(shape).clone().requires_grad_()


def weights(*shape):
    # the cotangent the tests send back: 1, 2, 3, ... in row-major order
    return torch.arange(1., 1 + torch.Size(shape).numel()).reshape(shape)


def error(f):
    try:
        f()
    except Exception as e:
        return str(e)


x = leaf(24, 2, 3, 4); p = x.permute(2, 0, 1)
p.backward(weights(4, 2, 3))
print("permute:", p.grad_fn.name(), tuple(p.shape), p.stride(), p._base is x, p[1, 0].tolist(), x.grad[0, 1].tolist())
print("permute errors:", [error(lambda: x.permute(0, 0, 1)), error(lambda: x.permute(0, 1)), error(lambda: x.permute(0, 1, 3))])

z = torch.zeros(2, 3); pz = z.permute(1, 0); z.add_(1)
print("permute shares the version:", pz._version, z._version, pz.tolist())

x = leaf(24, 2, 3, 4)
f = x.flatten(1); print("flatten contiguous:", f.grad_fn.name(), tuple(f.shape), f._base is x, f.stride())
t = x.transpose(0, 2); f = t.flatten(); f.backward(weights(24))
print("flatten transposed:", f.grad_fn.name(), f._is_view(), f[:6].tolist(), x.grad[1, 2].tolist())
print("flatten same dim:", x.flatten(1, 1) is x, tuple(torch.tensor(5.).flatten().shape))
print("flatten error:", error(lambda: x.flatten(2, 1)))

x = leaf(12, 3, 4); u = x.unflatten(1, (2, -1))
print("unflatten:", u.grad_fn.name(), tuple(u.shape), u.stride(), u._base is x)
print("unflatten errors:", [error(lambda: x.unflatten(1, (3, 2))), error(lambda: x.unflatten(1, ())), error(lambda: x.unflatten(1, (-1, -1)))])

x = leaf(6, 2, 3); r = x.repeat(2, 1, 2); r.backward(weights(2, 2, 6))
print("repeat:", r.grad_fn.name(), tuple(r.shape), r[1, 1].tolist(), x.grad.tolist())
print("repeat errors:", [error(lambda: x.repeat(2)), error(lambda: x.repeat(2, -1))])
x = leaf(6, 2, 3); r = x.repeat(0, 3); r.sum().backward()
print("repeat zero:", tuple(r.shape), x.grad.tolist())

x = leaf(10, 2, 5); parts = x.split(2, 1)
print("split size:", [t.grad_fn.name() for t in parts], [tuple(t.shape) for t in parts], [t.storage_offset() for t in parts], parts[2].tolist())
(parts[0].sum() * 2 + parts[2].sum()).backward()
print("split size grad:", x.grad.tolist())
x = leaf(10, 2, 5); parts = torch.split(x, [1, 4], -1)
print("split sections:", [t.grad_fn.name() for t in parts], [tuple(t.shape) for t in parts], parts[1].stride())
print("split errors:", [error(lambda: x.split(-1, 1)), error(lambda: x.split(0, 1)), error(lambda: x.split([1, 2], 1)),
                        error(lambda: x.split([6, -1], 1)), error(lambda: torch.split(x, 'a')), error(lambda: torch.split(torch.tensor(1.), 1))])

x = leaf(14, 2, 7); cs = x.chunk(3, 1)
print("chunk:", [t.grad_fn.name() for t in cs], [tuple(t.shape) for t in cs])
print("chunk of 6 in 5:", [t.shape[0] for t in torch.arange(6.).chunk(5)])
e = torch.zeros(0, 3, requires_grad=True); ce = e.chunk(2)
print("chunk empty:", [t.grad_fn.name() for t in ce], [tuple(t.shape) for t in ce])
print("chunk errors:", [error(lambda: x.chunk(0, 1)), error(lambda: torch.tensor(1.).chunk(1))])

x = leaf(12, 2, 3, 2); fl = x.flip(0, 2); fl.backward(weights(2, 3, 2))
print("flip:", fl.grad_fn.name(), fl._is_view(), fl[0].tolist(), x.grad[0].tolist())
print("flip error:", error(lambda: x.flip(0, -3)))

x = leaf(12, 3, 4); ro = x.roll((1, -2), (0, 1)); ro.backward(weights(3, 4))
print("roll:", ro.grad_fn.name(), ro.tolist(), x.grad.tolist())
print("roll flat:", x.roll(5).tolist())
print("roll errors:", [error(lambda: x.roll((1, 2), 0)), error(lambda: x.roll((1, 2))), error(lambda: x.roll((), ()))])

x = leaf(12, 3, 4); tl = x.tril(); tl.backward(weights(3, 4))
print("tril:", tl.grad_fn.name(), tl.tolist(), x.grad.tolist())
print("triu(1):", x.triu(1).grad_fn.name(), x.triu(1).tolist(), "tril(-1) batched:", torch.arange(8.).reshape(2, 2, 2).tril(-1).tolist())
y = (leaf(9, 3, 3) * 1); y.triu_(); print("triu_:", y.grad_fn.name(), y.tolist())
print("tril bool:", torch.ones(2, 3, dtype=torch.bool).tril().tolist(), "tril error:", error(lambda: torch.arange(3.).tril()))

v = torch.tensor([1., 2., 3.], requires_grad=True); d = torch.diag(v, 1); d.backward(weights(4, 4))
print("diag of vector:", d.grad_fn.name(), d.tolist(), v.grad.tolist())
m = leaf(6, 2, 3); d = torch.diag(m, 1); d.backward(torch.tensor([10., 20.]))
print("diag of matrix:", d.grad_fn.name(), d._is_view(), d.tolist(), m.grad.tolist())
print("diag errors:", [error(lambda: torch.diag(torch.ones(2, 2, 2))), error(lambda: torch.diag(torch.ones(3, 3), 5))], tuple(torch.diag(torch.ones(3, 3), 3).shape))

a = leaf(6, 2, 3); b = leaf(12, 3, 4); e = torch.einsum('ij,jk->ik', a, b); e.backward(weights(2, 4))
print("einsum matmul:", e.grad_fn.name(), e.tolist(), a.grad.tolist())
m = leaf(9, 3, 3)
print("einsum trace:", torch.einsum('ii', m).grad_fn.name(), torch.einsum('ii', m).item(), "diagonal:", torch.einsum('ii->i', m).grad_fn.name(), torch.einsum('ii->i', m).tolist())
print("einsum transpose:", torch.einsum('ij->ji', a).tolist(), "implicit order:", tuple(torch.einsum('ba', a).shape), tuple(torch.einsum('Ba', a).shape))
u = torch.tensor([1., 2.], requires_grad=True); w = torch.tensor([3., 4., 5.])
print("einsum outer:", torch.einsum('i,j->ij', u, w).grad_fn.name(), torch.einsum('i,j->ij', u, w).tolist())
p = leaf(12, 2, 2, 3); q = torch.arange(6.).reshape(1, 3, 2)
eb = torch.einsum('...ij,...jk', p, q); eb.backward(weights(2, 2, 2))
print("einsum ellipsis:", eb.grad_fn.name(), eb.tolist(), p.grad.tolist())
t3 = leaf(12, 2, 2, 3); k = torch.arange(6.).reshape(3, 2); r3 = torch.einsum('iij,jk->k', t3, k); r3.backward(torch.tensor([1., 2.]))
print("einsum repeated:", r3.grad_fn.name(), r3.tolist(), t3.grad.tolist())
c3 = torch.einsum('ij,jk,kl->li', torch.arange(6.).reshape(2, 3), torch.arange(6.).reshape(3, 2), torch.arange(4.).reshape(2, 2))
print("einsum three:", c3.tolist())
print("einsum by keyword:", torch.einsum('ij,jk->ik', torch.arange(6.).reshape(2, 3), torch.arange(6.).reshape(3, 2)).tolist())
lg = torch.einsum('ij,jk', torch.tensor([[1, 2], [3, 4]]), torch.ones(2, 2, dtype=torch.long)); print("einsum int64:", lg.dtype, lg.tolist())
print("einsum errors:", [error(lambda: torch.einsum('ij,jk->ik', a, a)), error(lambda: torch.einsum('ijk,jk', a, b)),
                         error(lambda: torch.einsum('ij,jk', a)), error(lambda: torch.einsum('ij', a, b)),
                         error(lambda: torch.einsum('i1', a)), error(lambda: torch.einsum('ij->ii', a)), error(lambda: torch.einsum('ij->k', a)),
                         error(lambda: torch.einsum('ii', a)), error(lambda: torch.einsum('ij,jk', a, b.double())), error(lambda: torch.einsum('i.j', a)),
                         error(lambda: torch.einsum('...i,...i', torch.ones(2, 3), torch.ones(4, 3)))])
