# The expected values of MathOpsTest, from PyTorch 1.13 (Debian's python3-torch): /usr/bin/python3 MathOpsTest.py
# Floating values are printed as Java hexadecimal literals, so that the test compares bits.
import math
import torch


def lit(v, f32):
    if math.isnan(v):
        return "Float.NaN" if f32 else "Double.NaN"
    if math.isinf(v):
        return ("Float" if f32 else "Double") + (".POSITIVE_INFINITY" if v > 0 else ".NEGATIVE_INFINITY")
    mantissa, exponent = float.hex(v).split("p")
    return mantissa.rstrip("0").rstrip(".") + "p" + exponent + ("f" if f32 else "")


def show(label, t):
    if t is None:
        print(label, "None")
    elif t.dtype in (torch.float32, torch.float64):
        f32 = t.dtype == torch.float32
        print(label, t.dtype, "{" + ", ".join(lit(v, f32) for v in t.detach().reshape(-1).tolist()) + "}")
    else:
        print(label, t.dtype, t.reshape(-1).tolist())


def error(label, f):
    try:
        f()
        print(label, "no error")
    except Exception as e:
        print(label, type(e).__name__, str(e).splitlines()[0])


def with_gradients(name, a, b):
    r = getattr(torch, name)(a, b)
    r.backward(torch.ones_like(r))
    print("grad_fn", name, r.grad_fn.name())
    show(name, r)
    show(name + " grad self", a.grad)
    show(name + " grad other", b.grad)


def run_with_gradient(label, f, x):
    x.grad = None
    r = f()
    r.backward(torch.ones_like(r))
    print("grad_fn", label, r.grad_fn.name())
    show(label, r)
    show(label + " grad", x.grad)


ANY = [-2.75, -1.3, -0.5, 0.1, 0.7, 1.0, 2.5, 3.9]
POSITIVE = [0.1, 0.7, 1.0, 2.5, 3.9, 0.35, 5.5, 12.25]
UNARY = {"sin": ANY, "cos": ANY, "log1p": POSITIVE, "expm1": ANY, "log2": POSITIVE, "square": ANY, "rsqrt": POSITIVE,
         "reciprocal": ANY, "floor": ANY, "ceil": ANY, "round": ANY + [0.5, 1.5, -2.5, 2.4999], "erf": ANY}
for name, values in UNARY.items():
    for dtype in (torch.float32, torch.float64):
        x = torch.tensor(values, dtype=dtype, requires_grad=True)
        r = getattr(torch, name)(x)
        r.backward(torch.ones_like(r))
        kind = str(dtype).replace("torch.", "")
        print("grad_fn", name, kind, r.grad_fn.name())
        show(name + " " + kind, r)
        show(name + " " + kind + " grad", x.grad)
    show(name + " int64", getattr(torch, name)(torch.tensor([-3, 0, 2, 7])))

x = torch.tensor([1.25, 2.5, -0.5, 1234.5678, 0.125], requires_grad=True)
r = torch.round(x, decimals=2)
print("grad_fn", "round decimals=2", r.grad_fn.name())
show("round decimals=2", r)
show("round decimals=-2", torch.round(torch.tensor([1.25, 250.0, 1234.5678, -151.0]), decimals=-2))
print("grad_fn", "round decimals=0", torch.round(x, decimals=0).grad_fn.name())
show("round decimals=0", torch.round(x, decimals=0))
error("round decimals int64", lambda: torch.round(torch.tensor([1, 2]), decimals=1))
error("floor bool", lambda: torch.floor(torch.tensor([True])))
show("square bool", torch.square(torch.tensor([True, False])))

a = torch.tensor([5.5, -5.5, 5.5, -5.5, 3.0, -0.0], requires_grad=True)
b = torch.tensor([2.0, 2.0, -2.0, -2.0, 1.5, 2.0], requires_grad=True)
with_gradients("remainder", a, b)
print("grad_fn", "remainder number", torch.remainder(a, 2.5).grad_fn.name())
show("remainder number", torch.remainder(a, 2.5))
show("remainder int64", torch.remainder(torch.tensor([5, -5, 5, -5, 7]), torch.tensor([3, 3, -3, -3, 7])))
show("remainder int64 number", torch.remainder(torch.tensor([5, -5]), 3))
show("remainder int64 by float", torch.remainder(torch.tensor([5, -5]), 2.5))
show("remainder float by zero", torch.remainder(torch.tensor([5.0, -5.0]), 0.0))
error("remainder int by zero", lambda: torch.remainder(torch.tensor([5, -5]), torch.tensor([0, 3])))
show("remainder float32 big", torch.remainder(torch.tensor([1e10, -7.3]), torch.tensor([3.3, 1e10])))

y = torch.tensor([1.0, -1.0, -1.0, 0.5, 3.0], requires_grad=True)
x = torch.tensor([1.0, 1.0, -1.0, -2.0, 0.25], requires_grad=True)
with_gradients("atan2", y, x)
show("atan2 float64", torch.atan2(y.double(), x.double()))
show("atan2 int64", torch.atan2(torch.tensor([1, 2]), torch.tensor([3, 4])))
error("atan2 number", lambda: torch.atan2(y, 2.0))

s = torch.tensor([1.5, -2.5, 0.1], requires_grad=True)
e = torch.tensor([3.0, 1.0, 0.7], requires_grad=True)
for w in (0.3, 0.7):
    s.grad = None; e.grad = None
    r = torch.lerp(s, e, w)
    r.backward(torch.ones_like(r))
    print("grad_fn lerp", w, r.grad_fn.name())
    show("lerp " + str(w), r)
    show("lerp " + str(w) + " grads", torch.cat([s.grad, e.grad]))
wt = torch.tensor([0.25, 0.75, 0.5], requires_grad=True)
s.grad = None; e.grad = None
r = torch.lerp(s, e, wt)
r.backward(torch.ones_like(r))
print("grad_fn", "lerp tensor", r.grad_fn.name())
show("lerp tensor", r)
show("lerp tensor grads", torch.cat([s.grad, e.grad, wt.grad]))
error("lerp end dtype", lambda: torch.lerp(s, e.double(), 0.5))
error("lerp weight dtype", lambda: torch.lerp(s, e, torch.tensor(0.5, dtype=torch.float64)))
error("lerp int64", lambda: torch.lerp(torch.tensor([1, 2]), torch.tensor([3, 4]), 0.5))

x = torch.tensor([[1.5, -2.0, 3.0], [0.5, 2.0, -1.25]], requires_grad=True)
r = torch.prod(x)
r.backward()
print("grad_fn", "prod", r.grad_fn.name())
show("prod", r)
show("prod grad", x.grad)
x.grad = None
r = torch.prod(x, 1, keepdim=True)
r.backward(torch.ones_like(r))
print("grad_fn", "prod dim", r.grad_fn.name())
show("prod dim", r)
show("prod dim grad", x.grad)
z = torch.tensor([[2.0, 0.0, 3.0], [0.0, 4.0, 0.0], [1.5, 2.0, -1.0]], requires_grad=True)
r = torch.prod(z, 1)
r.backward(torch.ones_like(r))
show("prod zeros dim", r)
show("prod zeros dim grad", z.grad)
z1 = torch.tensor([2.0, 0.0, 3.0, -1.5], requires_grad=True)
torch.prod(z1).backward()
show("prod one zero grad", z1.grad)
twice = torch.tensor([[2.0, 0.0, 3.0], [1.0, 2.0, 4.0]], requires_grad=True)
first, = torch.autograd.grad(torch.prod(twice, 1).sum(), twice, create_graph=True)
first.sum().backward()
show("prod zeros second derivative", twice.grad)
show("prod int64", torch.prod(torch.tensor([[1, 2, 3], [4, 5, 6]]), 0))
show("prod bool", torch.prod(torch.tensor([True, True])))
show("prod int64 dtype float32", torch.prod(torch.tensor([3, 4]), dtype=torch.float32))
print("grad_fn", "prod float32 dtype float64", torch.prod(x, 0, dtype=torch.float64).grad_fn.name())
show("prod float32 dtype float64", torch.prod(x, 0, dtype=torch.float64))
show("prod float32 dim 0 dtype bool", torch.prod(torch.tensor([1.5, 0.0]), 0, dtype=torch.bool))
show("prod float32 dtype int64", torch.prod(torch.tensor([1.5, 2.7]), dtype=torch.int64))
error("prod dim list", lambda: torch.prod(x, dim=[0, 1]))

v = torch.tensor([[1.5, -2.5, 3.0, 0.25], [0.5, 2.0, -1.0, 4.0]], requires_grad=True)
for label, f in (("std", lambda: torch.std(v)), ("std dim 1", lambda: torch.std(v, 1)),
                 ("std unbiased=False", lambda: torch.std(v, unbiased=False)),
                 ("std dim 0 keepdim correction 0", lambda: torch.std(v, dim=0, correction=0, keepdim=True)),
                 ("var", lambda: torch.var(v)), ("var dims", lambda: torch.var(v, (0, 1), False)),
                 ("var dim 1 correction 2", lambda: torch.var(v, 1, correction=2))):
    run_with_gradient(label, f, v)
show("std float64", torch.std(v.double(), 1))
error("std bad dim", lambda: torch.std(v, 2))
error("std int64", lambda: torch.std(torch.tensor([1, 2])))
error("var repeated dim", lambda: torch.var(v, (0, 0)))

n = torch.tensor([[1.5, -2.5, 3.0], [0.5, 2.0, -4.0]], requires_grad=True)
for label, f in (("norm", lambda: torch.norm(n)), ("norm p=1", lambda: torch.norm(n, 1)),
                 ("norm p=inf dim 1", lambda: torch.norm(n, float("inf"), dim=1)),
                 ("norm p=-inf", lambda: torch.norm(n, float("-inf"))),
                 ("norm p=3 dim 0 keepdim", lambda: torch.norm(n, 3, dim=0, keepdim=True)),
                 ("norm p=0", lambda: torch.norm(n, 0)), ("norm p=0.5", lambda: torch.norm(n, 0.5)),
                 ("norm fro dim 1", lambda: torch.norm(n, "fro", dim=1)),
                 ("norm fro dims", lambda: torch.norm(n, dim=(0, 1))),
                 ("norm dtype", lambda: torch.norm(n, 2, dtype=torch.float64))):
    run_with_gradient(label, f, n)
zero = torch.zeros(3, requires_grad=True)
torch.norm(zero).backward()
show("norm of zeros grad", zero.grad)
error("norm int64", lambda: torch.norm(torch.tensor([1, 2])))
error("norm bad name", lambda: torch.norm(n, "foo"))
error("norm fro three dims", lambda: torch.norm(torch.ones(2, 2, 2), "fro", dim=(0, 1, 2)))
error("norm fro dtype", lambda: torch.norm(n, "fro", dtype=torch.float64))

l = torch.tensor([[1.5, -2.5, 3.0], [0.5, 2.0, 100.0]], requires_grad=True)
r = torch.logsumexp(l, 1)
r.backward(torch.ones_like(r))
print("grad_fn", "logsumexp", r.grad_fn.name())
show("logsumexp", r)
show("logsumexp grad", l.grad)
show("logsumexp keepdim", torch.logsumexp(l, (0, 1), keepdim=True))
show("logsumexp -inf", torch.logsumexp(torch.tensor([float("-inf"), float("-inf")]), 0))
show("logsumexp int64", torch.logsumexp(torch.tensor([1, 2, 3]), 0))

c = torch.tensor([[1.5, -2.5, 3.0], [0.5, 2.0, 0.1]], requires_grad=True)
r = torch.cumsum(c, 1)
r.backward(torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
print("grad_fn", "cumsum", r.grad_fn.name())
show("cumsum", r)
show("cumsum grad", c.grad)
show("cumsum dim 0 float64", torch.cumsum(c, 0, dtype=torch.float64))
show("cumsum int64", torch.cumsum(torch.tensor([[1, 2], [3, 4]]), 0))
show("cumsum bool", torch.cumsum(torch.tensor([True, True, False]), 0))
error("cumsum dtype bool", lambda: torch.cumsum(c, 0, dtype=torch.bool))
error("cumsum bad dim", lambda: torch.cumsum(c, 2))

ints = torch.tensor([1, 2])
error("sin_ int64", lambda: ints.sin_())
show("square_ int64", ints.square_())
