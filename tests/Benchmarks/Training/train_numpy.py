#!/usr/bin/python3
"""The training that Measure-Training.ps1 times, written with numpy: a 4-16-3 network (ReLU hidden layer,
logits out), cross-entropy from the logits, mini-batches reshuffled every epoch, SGD or Adam with
PyTorch's formulas. Prints one JSON object: the seconds of each repeat and the final epoch's mean loss.

    /usr/bin/python3 train_numpy.py DATA.csv EPOCHS BATCH OPTIMIZER LEARNING_RATE REPEATS
"""
import json
import sys
import time

import numpy as np


def train(x, y, epochs, batch, optimizer, lr, seed):
    rng = np.random.default_rng(seed)
    n, d = x.shape
    hidden, classes = 16, 3
    bound1, bound2 = np.sqrt(6.0 / d), np.sqrt(6.0 / hidden)
    params = [rng.uniform(-bound1, bound1, (hidden, d)), np.zeros(hidden),
              rng.uniform(-bound2, bound2, (classes, hidden)), np.zeros(classes)]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    step = 0
    loss = float("nan")
    for _ in range(epochs):
        order = rng.permutation(n)
        total = 0.0
        for first in range(0, n, batch):
            idx = order[first:first + batch]
            xb, yb = x[idx], y[idx]
            rows = len(idx)
            w1, b1, w2, b2 = params
            a1 = xb @ w1.T + b1
            h = np.maximum(a1, 0.0)
            logits = h @ w2.T + b2
            top = logits.max(axis=1, keepdims=True)
            e = np.exp(logits - top)
            s = e.sum(axis=1, keepdims=True)
            picked = logits[np.arange(rows), yb]
            total += float((np.log(s[:, 0]) + top[:, 0] - picked).sum())
            g = e / s
            g[np.arange(rows), yb] -= 1.0
            g /= rows
            grads = [None, None, g.T @ h, g.sum(axis=0)]
            gh = (g @ w2) * (a1 > 0)
            grads[0] = gh.T @ xb
            grads[1] = gh.sum(axis=0)
            step += 1
            if optimizer == "SGD":
                for p, gr in zip(params, grads):
                    p -= lr * gr
            else:
                c1 = 1.0 - beta1 ** step
                c2 = np.sqrt(1.0 - beta2 ** step)
                for p, gr, mi, vi in zip(params, grads, m, v):
                    mi *= beta1
                    mi += (1.0 - beta1) * gr
                    vi *= beta2
                    vi += (1.0 - beta2) * gr * gr
                    p -= (lr / c1) * mi / (np.sqrt(vi) / c2 + eps)
        loss = total / n
    return loss


def main():
    path, epochs, batch, optimizer, lr, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], float(sys.argv[5]), int(sys.argv[6])
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    x, y = np.ascontiguousarray(data[:, :4]), data[:, 4].astype(np.int64)
    seconds = []
    loss = None
    for _ in range(repeats):
        start = time.perf_counter()
        loss = train(x, y, epochs, batch, optimizer, lr, 1)
        seconds.append(time.perf_counter() - start)
    print(json.dumps({"seconds": seconds, "loss": loss, "numpy": np.__version__}))


if __name__ == "__main__":
    main()
