# The expected orders of TopKOrderTest, from PyTorch 1.13 (Debian's python3-torch, CPU):
#   /usr/bin/python3 TopKOrderTest.py > ../../../../resources/dev/backprop/engine/TopKOrderTest.txt
# One line per case: the values (small integers, so that many tie), k, and torch.topk(values, k).indices, which
# lists tied values in the order libstdc++'s partial_sort or nth_element and sort leave them.
import random
import torch

random.seed(1)
for case in range(300):
    n = random.choice([2, 3, 5, 8, 16, 17, 33, 64, 100, 130, 300])
    k = random.randint(1, n) if case % 3 else random.randint(1, max(1, n // 64))
    values = [random.randint(0, random.choice([1, 2, 5, 1000])) for _ in range(n)]
    indices = torch.tensor(values, dtype=torch.float64).topk(k).indices.tolist()
    print(" ".join(map(str, values)), "|", k, "|", " ".join(map(str, indices)))
