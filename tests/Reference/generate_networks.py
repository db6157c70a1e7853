#!/usr/bin/python3
"""Writes networks.tsv: forward passes of small multi-layer networks computed by PyTorch in float64.

Run once with Debian's python3-torch (1.13):  /usr/bin/python3 tests/Reference/generate_networks.py
The table is committed; the xUnit tests read it and never call Python.

Each row is one input through one network, built as nn.Sequential(nn.Linear, activation, nn.Linear, ...)
with the weights and biases written in the row. Columns (tab-separated; numbers are Python repr, which
round-trips a double exactly):
  case        name of the network
  activation  the layer activations in NeuronTools' specification syntax, separated by |
  weight      per layer (separated by |) the weight rows (separated by ;) of comma-separated weights,
              row j being neuron j's weights, as nn.Linear.weight[j]
  bias        per layer (|) the comma-separated biases
  input       the comma-separated input vector
  pre         per layer (|) the pre-activations nn.Linear gives (captured with forward hooks)
  output      per layer (|) the activation outputs; the last one is the network's output
"""
import os

import torch
import torch.nn as nn

torch.set_default_dtype(torch.float64)

# NeuronTools specification -> the PyTorch module computing it.
ACTIVATIONS = {
    "Identity": lambda: nn.Identity(),
    "ReLU": lambda: nn.ReLU(),
    "LeakyReLU(negative_slope=0.2)": lambda: nn.LeakyReLU(0.2),
    "Sigmoid": lambda: nn.Sigmoid(),
    "Tanh": lambda: nn.Tanh(),
    "ELU": lambda: nn.ELU(),
    "GELU": lambda: nn.GELU(),
    "Softmax": lambda: nn.Softmax(dim=-1),
    "LogSoftmax": lambda: nn.LogSoftmax(dim=-1),
    "Softmin": lambda: nn.Softmin(dim=-1),
}

# (name, shape, activations, number of random inputs, input scale)
CASES = [
    ("relu-identity-3-4-2", [3, 4, 2], ["ReLU", "Identity"], 6, 1.0),
    ("relu-softmax-3-4-2", [3, 4, 2], ["ReLU", "Softmax"], 6, 1.0),
    ("tanh-sigmoid-2-3-1", [2, 3, 1], ["Tanh", "Sigmoid"], 6, 2.0),
    ("leaky-identity-4-5-3", [4, 5, 3], ["LeakyReLU(negative_slope=0.2)", "Identity"], 6, 1.0),
    ("sigmoid-2-2", [2, 2], ["Sigmoid"], 4, 3.0),
    ("identity-1-1", [1, 1], ["Identity"], 3, 10.0),
    ("deep-relu-tanh-6-10-10-10-2", [6, 10, 10, 10, 2], ["ReLU", "ReLU", "Tanh", "Identity"], 6, 1.0),
    ("saturating-tanh-sigmoid-3-4-2", [3, 4, 2], ["Tanh", "Sigmoid"], 4, 40.0),
    ("wide-relu-sigmoid-16-32-4", [16, 32, 4], ["ReLU", "Sigmoid"], 4, 1.0),
    ("elu-gelu-softmax-5-8-8-3", [5, 8, 8, 3], ["ELU", "GELU", "Softmax"], 6, 1.0),
    ("gelu-logsoftmax-3-6-4", [3, 6, 4], ["GELU", "LogSoftmax"], 6, 1.0),
    ("tanh-softmin-4-3-3", [4, 3, 3], ["Tanh", "Softmin"], 6, 1.0),
    ("softmax-large-logits-2-3", [2, 3], ["Softmax"], 4, 300.0),
    ("elu-identity-3-5-2", [3, 5, 2], ["ELU", "Identity"], 6, 2.0),
]


def fmt(values):
    return ",".join(repr(float(v)) for v in values)


def build(shape, activations, generator):
    layers = []
    for k, (fan_in, fan_out) in enumerate(zip(shape[:-1], shape[1:])):
        linear = nn.Linear(fan_in, fan_out, dtype=torch.float64)
        with torch.no_grad():
            bound = 1.0 / fan_in ** 0.5
            linear.weight.copy_((torch.rand(fan_out, fan_in, generator=generator) * 2 - 1) * 2 * bound)
            linear.bias.copy_((torch.rand(fan_out, generator=generator) * 2 - 1) * bound)
        layers += [linear, ACTIVATIONS[activations[k]]()]
    return nn.Sequential(*layers)


def rows():
    generator = torch.Generator().manual_seed(20240605)
    # The article's neuron as a one-layer network, with a = 2 and a = 0 (ReLU's kink) among its inputs.
    article = nn.Sequential(nn.Linear(3, 1), nn.ReLU())
    with torch.no_grad():
        article[0].weight.copy_(torch.tensor([[0.5, -1.0, 2.0]]))
        article[0].bias.copy_(torch.tensor([0.5]))
    yield "article-neuron-3-1", ["ReLU"], article, [[5.0, 3.0, 1.0], [1.0, 4.0, 0.0], [1.0, 0.5, -0.25], [0.0, 0.0, 0.0]]

    for name, shape, activations, count, scale in CASES:
        network = build(shape, activations, generator)
        inputs = ((torch.rand(count, shape[0], generator=generator) * 2 - 1) * scale).tolist()
        inputs.append([0.0] * shape[0])
        yield name, activations, network, inputs


def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "networks.tsv")
    with open(path, "w", encoding="utf-8", newline="\n") as table:
        table.write("\t".join(["case", "activation", "weight", "bias", "input", "pre", "output"]) + "\n")
        for name, activations, network, inputs in rows():
            linears = [m for m in network if isinstance(m, nn.Linear)]
            weight = "|".join(";".join(fmt(row) for row in layer.weight.tolist()) for layer in linears)
            bias = "|".join(fmt(layer.bias.tolist()) for layer in linears)
            for x in inputs:
                captured = []
                hooks = [m.register_forward_hook(lambda _m, _i, out: captured.append(out.detach().clone())) for m in network]
                with torch.no_grad():
                    network(torch.tensor([x], dtype=torch.float64))
                for hook in hooks:
                    hook.remove()
                pre = "|".join(fmt(t[0].tolist()) for t in captured[0::2])
                out = "|".join(fmt(t[0].tolist()) for t in captured[1::2])
                table.write("\t".join([name, "|".join(activations), weight, bias, fmt(x), pre, out]) + "\n")


if __name__ == "__main__":
    main()
