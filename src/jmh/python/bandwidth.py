"""STREAM-like memory bandwidth on this machine with numpy (the physical limit for memory-bound kernels).
Usage: /usr/bin/python3 bandwidth.py"""
import time, numpy as np, json
n = 64 * 1024 * 1024 // 4 * 4  # 256 MiB of float32
a = np.ones(n, dtype=np.float32); b = np.ones(n, dtype=np.float32); c = np.empty_like(a)
def best(f, bytes_moved, reps=5):
    ts = []
    for _ in range(reps):
        t = time.perf_counter(); f(); ts.append(time.perf_counter() - t)
    return bytes_moved / min(ts) / 1e9
res = dict(
  copy=best(lambda: np.copyto(c, a), 2 * a.nbytes),
  sum_read=best(lambda: a.sum(), a.nbytes),
  dot_read2=best(lambda: np.dot(a, b), 2 * a.nbytes),
  triad=best(lambda: np.multiply(b, 3.0, out=c) is None or np.add(c, a, out=c), 5 * a.nbytes))
print(json.dumps({k: round(v, 2) for k, v in res.items()}), "GB/s")
