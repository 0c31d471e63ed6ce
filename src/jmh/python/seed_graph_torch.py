"""PyTorch's side of SeedGraphBenchmark and MatmulBenchmark, on the same machine.
Usage: /usr/bin/python3 seed_graph_torch.py   (Debian's python3-torch; THREADS=1 by default sets PyTorch's own
threads; OpenBLAS runs the products on its own threads, all cores unless OPENBLAS_NUM_THREADS says otherwise)"""
import json, os, time
import torch
from blas import blas_in_use

torch.set_num_threads(int(os.environ.get("THREADS", "1")))


def best_of(f, reps, rounds=5):
    best = float("inf")
    for _ in range(rounds):
        t = time.perf_counter()
        for _ in range(reps):
            f()
        best = min(best, (time.perf_counter() - t) / reps)
    return best


def seed_graph():
    w = torch.tensor([1.0], requires_grad=True)
    x = torch.tensor([2.0], requires_grad=True)
    a = torch.add(w, x)
    b = torch.add(w, 1)
    y = torch.mul(a, b)
    y.backward()
    return w.grad


torch.manual_seed(0)
n = 1000
A, B = torch.randn(n, n), torch.randn(n, n)
A64, B64 = A.double(), B.double()


def mm_forward():
    return A.mm(B)


def mm_forward_float64():
    return A64.mm(B64)


def mm_forward_backward():
    x = A.clone().requires_grad_(True)
    y = B.clone().requires_grad_(True)
    x.mm(y).sum().backward()
    return x.grad


for _ in range(1000):
    seed_graph()
print(json.dumps({
    "torch": torch.__version__, "threads": torch.get_num_threads(),
    "seed_graph_us": best_of(seed_graph, 2000) * 1e6,
    "matmul_1000_forward_ms": best_of(mm_forward, 5) * 1e3,
    "matmul_1000_forward_backward_ms": best_of(mm_forward_backward, 3) * 1e3,
    "matmul_1000_float64_forward_ms": best_of(mm_forward_float64, 5) * 1e3,
    **blas_in_use(),
}))
