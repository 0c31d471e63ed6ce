# The expected draws of RandomOpsTest, from PyTorch 1.13 (Debian's python3-torch, CPU, no MKL):
#   /usr/bin/python3 RandomOpsTest.py > ../../../../resources/dev/backprop/engine/RandomOpsTest.txt
# One line per case, seed and size: the result's dtype, its elements (integers as integers, floating values as the
# hex of their IEEE bits), then the hex bits of the rand(3) drawn next, which shows the generator's state after the op.
import struct
import torch
import torch.nn.functional as F


def bits(t):
    if t.dtype in (torch.int64, torch.bool):
        return " ".join(str(int(v)) for v in t.flatten().tolist())
    if t.dtype == torch.float32:
        return " ".join("%08x" % struct.unpack("<I", struct.pack("<f", v))[0] for v in t.flatten().tolist())
    return " ".join("%016x" % struct.unpack("<Q", struct.pack("<d", v))[0] for v in t.flatten().tolist())


def weights(n, dtype):
    return torch.arange(1, n + 1, dtype=dtype)


def with_zeros(n):
    return torch.tensor([0.0 if i % 3 == 0 else float(i) for i in range(n)])


def dropout_grad(n, p, dtype):
    x = torch.arange(1, n + 1, dtype=dtype).requires_grad_()
    y = F.dropout(x, p)
    y.sum().backward()
    return torch.cat([y.detach(), x.grad])


def dropout_transposed(n):
    x = torch.arange(1, 2 * n + 1, dtype=torch.float32).reshape(n, 2).t()
    return F.dropout(x, 0.5)


CASES = {
    "randint(0, 10)": lambda n: torch.randint(0, 10, (n,)),
    "randint(-2^40, 2^40)": lambda n: torch.randint(-2 ** 40, 2 ** 40, (n,)),
    "randint(7) float64": lambda n: torch.randint(7, (n,), dtype=torch.float64),
    "randint(0, 2) bool": lambda n: torch.randint(0, 2, (n,), dtype=torch.bool),
    "randperm": lambda n: torch.randperm(n),
    "randperm float32": lambda n: torch.randperm(n, dtype=torch.float32),
    "bernoulli float32": lambda n: torch.bernoulli(torch.arange(n, dtype=torch.float32) / n),
    "bernoulli float64": lambda n: torch.bernoulli(torch.arange(n, dtype=torch.float64) / n),
    "bernoulli transposed": lambda n: torch.bernoulli((torch.arange(2 * n, dtype=torch.float32) / (2 * n)).reshape(n, 2).t()),
    "bernoulli p 0.3": lambda n: torch.bernoulli(torch.zeros(n), 0.3),
    "bernoulli p 0.3 transposed": lambda n: torch.bernoulli(torch.zeros(n, 2).t(), 0.3),
    "multinomial 3": lambda n: torch.multinomial(weights(n, torch.float32), 3),
    "multinomial 1": lambda n: torch.multinomial(weights(n, torch.float64), 1),
    "multinomial all with zeros": lambda n: torch.multinomial(with_zeros(n), n),
    "multinomial 2 of 3n": lambda n: torch.multinomial(with_zeros(3 * n), 2),
    "multinomial rows float64": lambda n: torch.multinomial(weights(2 * n, torch.float64).reshape(2, n), 2),
    "multinomial transposed rows": lambda n: torch.multinomial(weights(2 * n, torch.float32).reshape(n, 2).t(), 3),
    "multinomial part of a transpose": lambda n: torch.multinomial(weights(4 * n, torch.float64).reshape(n, 4).t()[:3], 2),
    "multinomial replacement": lambda n: torch.multinomial(weights(n, torch.float32), 7, True),
    "multinomial replacement rows float64": lambda n: torch.multinomial(weights(2 * n, torch.float64).reshape(2, n), 1, True),
    "rand_like": lambda n: torch.rand_like(torch.zeros(n)),
    "rand_like float64": lambda n: torch.rand_like(torch.zeros(n), dtype=torch.float64),
    "rand_like transposed": lambda n: torch.rand_like(torch.zeros(n, 2).t()),
    "rand_like part of a transpose": lambda n: torch.rand_like(torch.zeros(n, 4).t()[:3]),
    "randn_like": lambda n: torch.randn_like(torch.zeros(n)),
    "randn_like float64": lambda n: torch.randn_like(torch.zeros(n, dtype=torch.float64)),
    "randn_like transposed": lambda n: torch.randn_like(torch.zeros(n, 2).t()),
    "dropout 0.5": lambda n: dropout_grad(n, 0.5, torch.float32),
    "dropout 0.3": lambda n: dropout_grad(n, 0.3, torch.float32),
    "dropout 0.2 float64": lambda n: dropout_grad(n, 0.2, torch.float64),
    "dropout transposed": dropout_transposed,
}

for name, op in CASES.items():
    for seed in (0, 42):
        for n in (5, 100):
            torch.manual_seed(seed)
            r = op(n)
            print("%s seed=%d n=%d: %s %s | next %s" % (name, seed, n, str(r.dtype)[6:], bits(r), bits(torch.rand(3))))
