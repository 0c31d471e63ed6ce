# The expected values of ModulesMoreTest, from PyTorch 1.13 (Debian's python3-torch): /usr/bin/python3 ModulesMoreTest.py
import torch
import torch.nn as nn

for seed in (0, 42):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Embedding(5, 3, padding_idx=0), nn.Flatten(), nn.LayerNorm(6), nn.Linear(6, 4), nn.LogSoftmax(dim=1))
    print(f"seed {seed} embedding weight:", model[0].weight.flatten().tolist())
    print(f"seed {seed} linear weight:", model[3].weight.flatten().tolist())
    print(f"seed {seed} linear bias:", model[3].bias.tolist())
    x = torch.tensor([[1, 4], [0, 2], [3, 3]])
    out = model(x)
    print(f"seed {seed} forward:", out.flatten().tolist(), out.grad_fn.name())
    loss = nn.NLLLoss()(out, torch.tensor([0, 3, 1]))
    loss.backward()
    print(f"seed {seed} nll loss:", loss.item())
    print(f"seed {seed} grads:", model[0].weight.grad.flatten().tolist(), model[2].weight.grad.tolist(),
          model[3].weight.grad.flatten().tolist())
    torch.manual_seed(seed)
    drop = nn.Dropout(0.5)
    print(f"seed {seed} dropout:", drop(torch.ones(2, 4)).flatten().tolist(), drop.eval()(torch.ones(2, 4)).flatten().tolist())

torch.manual_seed(0)
logits = torch.tensor([[1., 2., 0.5], [0.1, -1., 2.]], requires_grad=True)
ce = nn.CrossEntropyLoss(weight=torch.tensor([1., 2., 0.5]), label_smoothing=0.1)
loss = ce(logits, torch.tensor([1, 2]))
loss.backward()
print("cross entropy:", loss.item(), loss.grad_fn.name(), logits.grad.flatten().tolist(), list(ce.state_dict()))
l1 = nn.L1Loss(reduction="sum")(torch.tensor([1., -2.]), torch.tensor([0.5, 1.]))
print("l1 sum:", l1.item())
print("softmax implicit dim:", nn.Softmax()(torch.tensor([[1., 2.], [3., 5.]])).flatten().tolist())
