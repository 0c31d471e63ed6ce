# The expected values of OptimizersTest, from PyTorch 1.13 (Debian's python3-torch): /usr/bin/python3 OptimizersTest.py
# float32 parameters p0 = [1, -2, 0.5, 0.25] take four steps with the gradients GRADS set directly;
# each line is an optimizer's keyword arguments and the parameters after each step.
import torch

GRADS = [[0.1, -0.2, 3.0, 0.0], [0.05, 0.4, -0.001, 0.0], [-0.3, 0.2, 0.0, 1e-3], [0.7, -0.01, 0.5, -2.0]]

CASES = [
    (torch.optim.AdamW, {}),
    (torch.optim.AdamW, dict(lr=0.1, weight_decay=0.1)),
    (torch.optim.AdamW, dict(lr=0.1, weight_decay=0)),
    (torch.optim.AdamW, dict(lr=0.1, amsgrad=True)),
    (torch.optim.AdamW, dict(lr=0.1, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.5, amsgrad=True, maximize=True)),
    (torch.optim.RMSprop, {}),
    (torch.optim.RMSprop, dict(lr=0.1, alpha=0.9, eps=1e-6)),
    (torch.optim.RMSprop, dict(lr=0.1, centered=True)),
    (torch.optim.RMSprop, dict(lr=0.1, momentum=0.9)),
    (torch.optim.RMSprop, dict(lr=0.1, weight_decay=0.1, momentum=0.5, centered=True, maximize=True)),
    (torch.optim.Adagrad, {}),
    (torch.optim.Adagrad, dict(lr=0.1, lr_decay=0.1)),
    (torch.optim.Adagrad, dict(lr=0.1, weight_decay=0.1)),
    (torch.optim.Adagrad, dict(lr=0.1, initial_accumulator_value=0.5, eps=1e-6)),
    (torch.optim.Adagrad, dict(lr=0.1, lr_decay=0.5, weight_decay=0.2, initial_accumulator_value=0.1, maximize=True)),
]

for cls, kwargs in CASES:
    p = torch.tensor([1.0, -2.0, 0.5, 0.25], requires_grad=True)
    opt = cls([p], **kwargs)
    steps = []
    for g in GRADS:
        p.grad = torch.tensor(g)
        opt.step()
        steps.append(p.tolist())
    print(cls.__name__, kwargs, "version", p._version)
    for s in steps:
        print("   ", s)

for cls, kwargs in [(torch.optim.AdamW, dict(lr=-1.0)), (torch.optim.AdamW, dict(betas=(1.0, 0.999))),
                    (torch.optim.AdamW, dict(weight_decay=-0.1)), (torch.optim.RMSprop, dict(alpha=-0.5)),
                    (torch.optim.RMSprop, dict(momentum=-1.0)), (torch.optim.RMSprop, dict(eps=-1e-8)),
                    (torch.optim.Adagrad, dict(lr_decay=-0.1)), (torch.optim.Adagrad, dict(initial_accumulator_value=-1.0)),
                    (torch.optim.Adagrad, dict(eps=-1e-10))]:
    try:
        cls([torch.zeros(1, requires_grad=True)], **kwargs)
    except ValueError as e:
        print(cls.__name__, kwargs, "ValueError:", e)
