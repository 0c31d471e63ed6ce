# The expected values of ClassificationLossesTest, from PyTorch 1.13 (Debian's python3-torch):
# /usr/bin/python3 ClassificationLossesTest.py
# Each case line: label, dtype, the result's grad_fn, its values, and the input's gradient of (result * G).sum(),
# where G holds 0.5, 1.0, 1.5, ... in the result's shape.
import torch
import torch.nn.functional as F

X = [[0.2, -1.1, 2.3, 0.7], [1.5, 0.3, -0.4, -2.0], [-0.6, 1.9, 0.1, 0.8]]
P = [[0.1, 0.2, 0.3, 0.4], [0.25, 0.25, 0.25, 0.25], [0.7, 0.1, 0.1, 0.1]]
T = torch.tensor([1, 0, 3])
T3 = torch.tensor([[0, 2], [1, 1]])
T4 = torch.tensor([[[2, 0], [1, -100]]])
W = [0.5, 1.0, 2.0, 1.5]
W3 = [0.5, 1.0, 2.0]
NO_BATCH = torch.tensor(2)

CASES = [
    ("nll_loss mean", "nll_loss", lambda x, d: (x, T), {}),
    ("nll_loss sum weight ignore_index", "nll_loss", lambda x, d: (x, T, torch.tensor(W, dtype=d)), dict(reduction="sum", ignore_index=0)),
    ("nll_loss none weight", "nll_loss", lambda x, d: (x, T, torch.tensor(W, dtype=d)), dict(reduction="none")),
    ("nll_loss mean weight", "nll_loss", lambda x, d: (x, T, torch.tensor(W, dtype=d)), {}),
    ("nll_loss no batch", "nll_loss", lambda x, d: (x[0], NO_BATCH), {}),
    ("nll_loss 3-D", "nll_loss", lambda x, d: (x.reshape(2, 3, 2), T3), {}),
    ("nll_loss 3-D none", "nll_loss", lambda x, d: (x.reshape(2, 3, 2), T3), dict(reduction="none")),
    ("nll_loss 4-D weight", "nll_loss", lambda x, d: (x.reshape(1, 3, 2, 2), T4, torch.tensor(W3, dtype=d)), {}),
    ("nll_loss 4-D none", "nll_loss", lambda x, d: (x.reshape(1, 3, 2, 2), T4), dict(reduction="none")),
    ("cross_entropy mean", "cross_entropy", lambda x, d: (x, T), {}),
    ("cross_entropy weight ignore_index", "cross_entropy", lambda x, d: (x, T, torch.tensor(W, dtype=d)), dict(ignore_index=3)),
    ("cross_entropy none", "cross_entropy", lambda x, d: (x, T), dict(reduction="none")),
    ("cross_entropy no batch", "cross_entropy", lambda x, d: (x[0], NO_BATCH), {}),
    ("cross_entropy 3-D none", "cross_entropy", lambda x, d: (x.reshape(2, 3, 2), T3), dict(reduction="none")),
    ("cross_entropy 4-D", "cross_entropy", lambda x, d: (x.reshape(1, 3, 2, 2), T4), {}),
    ("cross_entropy label_smoothing", "cross_entropy", lambda x, d: (x, T), dict(label_smoothing=0.1)),
    ("cross_entropy label_smoothing weight ignore_index", "cross_entropy", lambda x, d: (x, T, torch.tensor(W, dtype=d)),
     dict(label_smoothing=0.2, ignore_index=1)),
    ("cross_entropy label_smoothing sum", "cross_entropy", lambda x, d: (x, T), dict(label_smoothing=0.3, reduction="sum")),
    ("cross_entropy label_smoothing none", "cross_entropy", lambda x, d: (x, T), dict(label_smoothing=0.3, reduction="none")),
    ("cross_entropy probabilities", "cross_entropy", lambda x, d: (x, torch.tensor(P, dtype=d)), {}),
    ("cross_entropy probabilities weight sum", "cross_entropy", lambda x, d: (x, torch.tensor(P, dtype=d), torch.tensor(W, dtype=d)),
     dict(reduction="sum")),
    ("cross_entropy probabilities label_smoothing none", "cross_entropy", lambda x, d: (x, torch.tensor(P, dtype=d)),
     dict(label_smoothing=0.1, reduction="none")),
    ("cross_entropy probabilities label_smoothing weight", "cross_entropy",
     lambda x, d: (x, torch.tensor(P, dtype=d), torch.tensor(W, dtype=d)), dict(label_smoothing=0.25)),
    ("l1_loss mean", "l1_loss", lambda x, d: (x, torch.tensor(P, dtype=d)), {}),
    ("l1_loss sum", "l1_loss", lambda x, d: (x, torch.tensor(P, dtype=d)), dict(reduction="sum")),
    ("l1_loss none", "l1_loss", lambda x, d: (x, torch.tensor(P, dtype=d)), dict(reduction="none")),
    ("smooth_l1_loss mean", "smooth_l1_loss", lambda x, d: (x, torch.tensor(P, dtype=d)), {}),
    ("smooth_l1_loss beta 0.5 sum", "smooth_l1_loss", lambda x, d: (x, torch.tensor(P, dtype=d)), dict(beta=0.5, reduction="sum")),
    ("smooth_l1_loss none", "smooth_l1_loss", lambda x, d: (x, torch.tensor(P, dtype=d)), dict(reduction="none")),
    ("huber_loss mean", "huber_loss", lambda x, d: (x, torch.tensor(P, dtype=d)), {}),
    ("huber_loss delta 0.5 sum", "huber_loss", lambda x, d: (x, torch.tensor(P, dtype=d)), dict(delta=0.5, reduction="sum")),
    ("huber_loss none", "huber_loss", lambda x, d: (x, torch.tensor(P, dtype=d)), dict(reduction="none")),
]

for dtype in (torch.float32, torch.float64):
    for label, op, inputs, attrs in CASES:
        x = torch.tensor(X, dtype=dtype, requires_grad=True)
        args = inputs(x, dtype)
        y = getattr(F, op)(*args, **attrs)
        g = (torch.arange(1, y.numel() + 1, dtype=dtype) * 0.5).reshape(y.shape)
        (y * g).sum().backward()
        print(label, "|", str(dtype)[6:], "|", y.grad_fn.name(), "|", y.flatten().tolist(), "|", x.grad.flatten().tolist())

x = torch.tensor(X, requires_grad=True)
print("every target ignored:", F.nll_loss(x, torch.tensor([-100, -100, -100])).item())


def error(label, f):
    try:
        f()
    except Exception as e:
        print(label, "|", type(e).__name__, "|", str(e).split("\n")[0])


x = torch.tensor(X)
error("target out of bounds", lambda: F.nll_loss(x, torch.tensor([1, 5, 0])))
error("negative target", lambda: F.cross_entropy(x, torch.tensor([1, -1, 0])))
error("float target", lambda: F.nll_loss(x, torch.tensor([1.0, 0.0, 3.0])))
error("float target of another shape", lambda: F.cross_entropy(x, torch.tensor([1.0, 0.0, 3.0])))
error("int64 probabilities", lambda: F.cross_entropy(x, torch.zeros(3, 4, dtype=torch.long)))
error("batch mismatch", lambda: F.nll_loss(x, torch.tensor([1, 0])))
error("2-D target", lambda: F.nll_loss(x, torch.tensor([[1], [0], [3]])))
error("1-D input with a 1-D target", lambda: F.nll_loss(x[0], torch.tensor([1])))
error("0-d input", lambda: F.nll_loss(torch.tensor(1.0), torch.tensor(0)))
error("weight size", lambda: F.nll_loss(x, T, weight=torch.ones(3)))
error("weight dtype", lambda: F.nll_loss(x, T, weight=torch.ones(4, dtype=torch.float64)))
error("weight requiring grad", lambda: F.nll_loss(x, T, weight=torch.ones(4, requires_grad=True)))
error("3-D target size", lambda: F.nll_loss(x.reshape(2, 3, 2), torch.zeros(2, 3, dtype=torch.long)))
error("4-D target size", lambda: F.nll_loss(x.reshape(1, 3, 2, 2), torch.zeros(1, 2, 3, dtype=torch.long)))
error("4-D weight size", lambda: F.nll_loss(x.reshape(1, 3, 2, 2), torch.zeros(1, 2, 2, dtype=torch.long), weight=torch.ones(4)))
error("int64 input", lambda: F.nll_loss(x.long(), T))
error("bad reduction", lambda: F.cross_entropy(x, T, reduction="average"))
error("ignore_index with probabilities", lambda: F.cross_entropy(x, torch.tensor(P), ignore_index=1))
error("label_smoothing above 1", lambda: F.cross_entropy(x, T, label_smoothing=1.5))
error("probabilities weight size", lambda: F.cross_entropy(x, torch.tensor(P), weight=torch.ones(3)))
error("l1_loss shapes", lambda: F.l1_loss(x, torch.ones(3)))
error("smooth_l1_loss negative beta", lambda: F.smooth_l1_loss(x, torch.tensor(P), beta=-1.0))
error("huber_loss zero delta", lambda: F.huber_loss(x, torch.tensor(P), delta=0.0))
error("huber_loss of int64", lambda: F.huber_loss(T, T))
error("smooth_l1_loss of int64", lambda: F.smooth_l1_loss(T, T))
