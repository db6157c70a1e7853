#!/usr/bin/python3
"""The training that Measure-Training.ps1 times, written with PyTorch (Debian's python3-torch, CPU, float64):
an MLP d-h-c (Linear, ReLU, Linear as logits), torch.nn.CrossEntropyLoss, torch.optim.Adam, mini-batches of a
fresh random permutation every epoch, torch.set_num_threads(THREADS). Only the training loop is timed (after the
data are loaded and the model built), which favours PyTorch. Prints one JSON object: seconds per repeat, the
final epoch's mean loss, the versions and the BLAS that ran.

    /usr/bin/python3 train_torch.py X.bin Y.bin SHAPE EPOCHS BATCH LEARNING_RATE REPEATS THREADS
    X.bin: rows x d float64, little-endian, row-major; Y.bin: rows int32 class indexes; SHAPE: d,h,c
"""
import json
import sys
import time

import numpy as np
import torch


def main():
    x_file, y_file, shape, epochs, batch, lr, repeats, threads = sys.argv[1:9]
    d, h, c = (int(s) for s in shape.split(","))
    epochs, batch, repeats, threads, lr = int(epochs), int(batch), int(repeats), int(threads), float(lr)
    torch.set_num_threads(threads)
    x = torch.from_numpy(np.fromfile(x_file, dtype="<f8").reshape(-1, d).copy())
    y = torch.from_numpy(np.fromfile(y_file, dtype="<i4").astype(np.int64))
    n = x.shape[0]
    seconds, loss_value = [], float("nan")
    for repeat in range(repeats):
        torch.manual_seed(repeat + 1)
        model = torch.nn.Sequential(torch.nn.Linear(d, h), torch.nn.ReLU(), torch.nn.Linear(h, c)).double()
        optimizer = torch.optim.Adam(model.parameters(), lr=lr)
        criterion = torch.nn.CrossEntropyLoss()
        start = time.perf_counter()
        for _ in range(epochs):
            order = torch.randperm(n)
            total = 0.0
            for first in range(0, n, batch):
                idx = order[first:first + batch]
                optimizer.zero_grad(set_to_none=True)
                loss = criterion(model(x[idx]), y[idx])
                loss.backward()
                optimizer.step()
                total += loss.item() * len(idx)
            loss_value = total / n
        seconds.append(time.perf_counter() - start)
    with open("/proc/self/maps", encoding="utf-8") as maps:
        loaded = sorted({line.split()[-1] for line in maps if "blas" in line.lower() or "lapack" in line.lower()})
    json.dump({"seconds": seconds, "loss": loss_value, "torch": torch.__version__, "threads": torch.get_num_threads(), "loaded": loaded}, sys.stdout)


if __name__ == "__main__":
    main()
