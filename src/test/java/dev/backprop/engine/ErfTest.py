# The expected values of ErfTest, from PyTorch 1.13 (Debian's python3-torch): /usr/bin/python3 ErfTest.py
import torch

x = torch.tensor([0.0, 1e-300, -0.0639, 0.5, 0.8777, 0.9999, 1.0, 1.7678, -2.4434, 3.2, 5.9, 6.5, float("inf")], dtype=torch.float64)
print([repr(v) for v in torch.erf(x).tolist()])
