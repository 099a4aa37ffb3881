"""A plain PyTorch eager training loop (CPU): zero_grad, forward, MSE, backward, Adam step."""
import time

import common

a = common.options()
import torch  # noqa: E402

torch.set_num_threads(a.threads)
torch.set_num_interop_threads(1)
torch.manual_seed(a.seed)
xn, yn = common.parity(a.bits)
x, y = torch.from_numpy(xn), torch.from_numpy(yn)
model = torch.nn.Sequential(torch.nn.Linear(a.bits, a.hidden), torch.nn.ReLU(),
                            torch.nn.Linear(a.hidden, 1), torch.nn.Sigmoid())
for m in model:  # Keras's glorot_uniform kernels and zero biases
    if isinstance(m, torch.nn.Linear):
        torch.nn.init.xavier_uniform_(m.weight)
        torch.nn.init.zeros_(m.bias)
opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-7)
mse = torch.nn.MSELoss()
n = len(x)
times, losses = [], []
for epoch in range(a.epochs):
    t0 = time.perf_counter()
    idx = torch.randperm(n) if n > a.batch else torch.arange(n)
    tot, cnt = 0.0, 0
    for s in range(0, n, a.batch):
        b = idx[s:s + a.batch]
        opt.zero_grad()
        p = model(x[b])
        loss = mse(p, y[b])
        loss.backward()
        opt.step()
        acc = ((p > 0.5).float() == y[b]).float().mean()
        tot += loss.item() * len(b)
        cnt += len(b)
    losses.append(tot / cnt)
    times.append(time.perf_counter() - t0)
with torch.no_grad():
    p = model(x)
    eval_loss = mse(p, y).item()
    eval_acc = ((p > 0.5).float() == y).float().mean().item()
common.emit("torch", times, losses, eval_loss, eval_acc)
