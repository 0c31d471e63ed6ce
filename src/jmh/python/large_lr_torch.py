"""Full-batch logistic regression at scale in PyTorch: N samples x D features, float32, Linear+Sigmoid+BCELoss+SGD(momentum).
Usage: THREADS=2 /usr/bin/python3 large_lr_torch.py N D ITERS   -> prints ms per iteration and samples/s, and the BLAS in use"""
import os, sys, time, json, torch
from blas import blas_in_use
torch.set_num_threads(int(os.environ.get('THREADS', '2')))
N, D, iters = (int(a) for a in sys.argv[1:4])
torch.manual_seed(0)
x = torch.randn(N, D); true_w = torch.randn(D, 1); y = (x @ true_w > 0).float().squeeze()
net = torch.nn.Sequential(torch.nn.Linear(D, 1), torch.nn.Sigmoid())
loss_fn = torch.nn.BCELoss(); opt = torch.optim.SGD(net.parameters(), lr=0.5, momentum=0.9)
def step():
    loss = loss_fn(net(x).squeeze(), y); loss.backward(); opt.step(); opt.zero_grad(); return loss
step()
t0 = time.perf_counter()
for _ in range(iters): loss = step()
dt = (time.perf_counter() - t0) / iters
print(json.dumps(dict(N=N, D=D, threads=torch.get_num_threads(), ms_per_iter=dt * 1e3, samples_per_s=N / dt, loss=loss.item(),
                      gb_per_s_x_twice=2 * N * D * 4 / dt / 1e9, **blas_in_use())))
