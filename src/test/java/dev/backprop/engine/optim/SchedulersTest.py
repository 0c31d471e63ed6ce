# The expected values of SchedulersTest, from PyTorch 1.13 (Debian's python3-torch): /usr/bin/python3 SchedulersTest.py
# Each line: the schedulers made in turn over SGD(lr=0.1), then the optimizer's lr after creating them and after each
# round of scheduler.step() (every scheduler once, in the order made); then initial_lr and each get_last_lr().
import warnings
import torch
from torch.optim.lr_scheduler import StepLR, ExponentialLR, CosineAnnealingLR, LinearLR

warnings.simplefilter("ignore")  # scheduler.step() before optimizer.step() is what these runs do on purpose

CASES = [
    ("StepLR(step_size=2, gamma=0.5)", [lambda o: StepLR(o, step_size=2, gamma=0.5)], 7),
    ("StepLR(step_size=3)", [lambda o: StepLR(o, step_size=3)], 7),
    ("ExponentialLR(gamma=0.9)", [lambda o: ExponentialLR(o, gamma=0.9)], 6),
    ("CosineAnnealingLR(T_max=4, eta_min=0.01)", [lambda o: CosineAnnealingLR(o, T_max=4, eta_min=0.01)], 14),
    ("CosineAnnealingLR(T_max=3)", [lambda o: CosineAnnealingLR(o, T_max=3)], 8),
    ("LinearLR()", [lambda o: LinearLR(o)], 7),
    ("LinearLR(start_factor=1.0, end_factor=0.1, total_iters=3)", [lambda o: LinearLR(o, start_factor=1.0, end_factor=0.1, total_iters=3)], 5),
    ("StepLR(step_size=2, gamma=0.5) + ExponentialLR(gamma=0.9)",
     [lambda o: StepLR(o, step_size=2, gamma=0.5), lambda o: ExponentialLR(o, gamma=0.9)], 6),
    ("LinearLR(start_factor=0.5, total_iters=4) + CosineAnnealingLR(T_max=6, eta_min=0.001)",
     [lambda o: LinearLR(o, start_factor=0.5, total_iters=4), lambda o: CosineAnnealingLR(o, T_max=6, eta_min=0.001)], 8),
]

for name, makers, steps in CASES:
    o = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
    scheds = [make(o) for make in makers]
    lrs = [o.param_groups[0]['lr']]
    for _ in range(steps):
        for s in scheds:
            s.step()
        lrs.append(o.param_groups[0]['lr'])
    print(name)
    print("    lr", lrs)
    print("    initial_lr", o.param_groups[0]['initial_lr'], "last", [(s.last_epoch, s.get_last_lr()) for s in scheds])

# An optimizer stepping with the lr its scheduler sets: w = [1, -2], loss = (w * w).sum(), three iterations of
# backward, optimizer.step(), zero_grad(), scheduler.step().
for name, make_opt in [("RMSprop(lr=0.1) + StepLR(step_size=1, gamma=0.5)", lambda w: torch.optim.RMSprop([w], lr=0.1)),
                       ("AdamW(lr=0.1) + StepLR(step_size=1, gamma=0.5)", lambda w: torch.optim.AdamW([w], lr=0.1))]:
    w = torch.tensor([1.0, -2.0], requires_grad=True)
    opt = make_opt(w)
    sched = StepLR(opt, step_size=1, gamma=0.5)
    print(name)
    for _ in range(3):
        (w * w).sum().backward()
        opt.step()
        opt.zero_grad()
        sched.step()
        print("    w", w.tolist(), "lr", opt.param_groups[0]['lr'], "last_epoch", sched.last_epoch)

for make in [lambda o: LinearLR(o, start_factor=1.5), lambda o: LinearLR(o, end_factor=-0.5)]:
    try:
        make(torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1))
    except ValueError as e:
        print("ValueError:", e)
for make in [lambda o: StepLR(o, step_size=0), lambda o: CosineAnnealingLR(o, T_max=0), lambda o: LinearLR(o, start_factor=0.0)]:
    s = make(torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1))
    try:
        s.step()
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
