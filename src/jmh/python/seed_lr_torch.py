"""The seed's logistic-regression job in PyTorch, without plotting: the reference trajectory and timing.
Usage: /usr/bin/python3 seed_lr_torch.py [--fixed N]  (--fixed runs exactly N iterations, no early stop)"""
import sys, time, json
import torch
torch.set_num_threads(int(__import__('os').environ.get('THREADS', '1')))
fixed = int(sys.argv[sys.argv.index('--fixed') + 1]) if '--fixed' in sys.argv else None
torch.manual_seed(1)
sample_nums, mean_value, bias = 100, 1.7, 1
n_data = torch.ones(sample_nums, 2)
x0 = torch.normal(mean_value * n_data, 1) + bias
y0 = torch.zeros(sample_nums)
x1 = torch.normal(-mean_value * n_data, 1) + bias
y1 = torch.ones(sample_nums)
train_x = torch.cat([x0, x1], 0)
train_y = torch.cat([y0, y1], 0)
lr_net = torch.nn.Sequential(torch.nn.Linear(2, 1), torch.nn.Sigmoid())
init_w = lr_net[0].weight.detach().clone().tolist(); init_b = lr_net[0].bias.detach().clone().tolist()
loss_fn = torch.nn.BCELoss()
optimizer = torch.optim.SGD(lr_net.parameters(), lr=0.01, momentum=0.9)
log = []
t0 = time.perf_counter()
iters = fixed or 1000
for iteration in range(iters):
    y_pred = lr_net(train_x)
    loss = loss_fn(y_pred.squeeze(), train_y)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    if iteration % 20 == 0:
        mask = y_pred.ge(0.5).float().squeeze()
        acc = (mask == train_y).sum().item() / train_y.size(0)
        w0, w1 = lr_net[0].weight[0].tolist(); b = lr_net[0].bias[0].item()
        log.append(dict(iteration=iteration, loss=loss.item(), accuracy=acc, w0=w0, w1=w1, b=b))
        if fixed is None and acc > 0.99:
            break
t1 = time.perf_counter()
print(json.dumps(dict(torch=torch.__version__, first_x0=x0[:3].tolist(), first_x1=x1[:3].tolist(),
                      init_w=init_w, init_b=init_b, log=log, iterations=iteration + 1,
                      seconds=t1 - t0, us_per_iter=(t1 - t0) / (iteration + 1) * 1e6)))
