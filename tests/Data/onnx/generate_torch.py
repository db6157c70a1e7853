#!/usr/bin/python3
"""Writes the PyTorch part of the ONNX import corpus: real torch.onnx.export files and PyTorch's own outputs.

Run with Debian's python3-torch (1.13) and python3-onnx (1.12):  /usr/bin/python3 tests/Data/onnx/generate_torch.py
The files are committed; the xUnit tests read them and never call Python.

For each case it writes, in tests/Data/onnx/torch/:
  <case>.onnx          torch.onnx.export of an nn.Sequential in eval mode (batch dimension dynamic)
  <case>.expected.tsv  inputs x1..xn and PyTorch's outputs y1..ym for them, one row per input; the numbers are
                       Python repr (exact for a double; a float32 value is written as the double it widens to)
and one line per case in corpus-torch.tsv: case, element type, opset, the layers as NeuronTools would show them
(the catalogue specification of each activation), and what was special about the case.

Models are built with a fixed seed. Float32 cases run PyTorch in float32; double cases are initialised in double
(torch.set_default_dtype(torch.float64) before the layers are made), so that the 1e-12 comparison is meaningful.
"""
import os

import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "torch")

# (name, module factory, the NeuronTools specification it should import as)
ACTIVATIONS = [
    ("relu", nn.ReLU, "ReLU"),
    ("tanh", nn.Tanh, "Tanh"),
    ("sigmoid", nn.Sigmoid, "Sigmoid"),
    # 0.2 has no float32 form: the file holds 0.20000000298023224, so in double the import differs from PyTorch's
    # own 0.2 by that rounding (the manifest says "float32 attribute"); 0.25 is exact.
    ("leakyrelu", lambda: nn.LeakyReLU(0.2), "LeakyReLU(negative_slope=0.20000000298023224)"),
    ("leakyrelu25", lambda: nn.LeakyReLU(0.25), "LeakyReLU(negative_slope=0.25)"),
    ("elu", lambda: nn.ELU(0.5), "ELU(alpha=0.5)"),
    ("selu", nn.SELU, "SELU"),
    ("celu", lambda: nn.CELU(1.5), "CELU(alpha=1.5)"),
    ("gelu", nn.GELU, "GELU"),
    ("gelutanh", lambda: nn.GELU(approximate="tanh"), "GELU(approximate=tanh)"),
    ("silu", nn.SiLU, "SiLU"),
    ("mish", nn.Mish, "Mish"),
    ("hardswish", nn.Hardswish, "Hardswish"),
    ("hardsigmoid", nn.Hardsigmoid, "Hardsigmoid"),
    ("softplus", nn.Softplus, "Softplus(threshold=40)"),
    ("softplusbeta", lambda: nn.Softplus(beta=2.0), "Softplus(beta=2, threshold=40)"),
    ("softsign", nn.Softsign, "Softsign"),
    ("relu6", nn.ReLU6, "ReLU6"),
    ("hardtanh", lambda: nn.Hardtanh(-2.0, 2.0), "Hardtanh(min_val=-2, max_val=2)"),
    ("prelu", nn.PReLU, "PReLU(init=0.25)"),
    ("tanhshrink", nn.Tanhshrink, "Tanhshrink"),
    ("softshrink", nn.Softshrink, "Softshrink"),
    ("hardshrink", nn.Hardshrink, "Hardshrink"),
    ("logsigmoid", nn.LogSigmoid, "LogSigmoid"),
    ("elu1", nn.ELU, "ELU"),
]

OPSETS = [9, 11, 13, 17]


def inputs(n, dtype, seed):
    g = torch.Generator().manual_seed(seed)
    rows = torch.randn(14, n, generator=g, dtype=torch.float64) * 2.0
    rows[0] = 0.0
    rows[1] = 3.0
    rows[2] = -3.0
    rows[3] = 0.25
    # Values the float32 type can hold exactly, so the file's input and the module's input are the same numbers.
    return rows.to(torch.float32).to(dtype)


def export(case, model, n, dtype, opset, note, specs, out_dim_note=None):
    model.eval()
    x = inputs(n, dtype, len(case))
    with torch.no_grad():
        y = model(x)
    path = os.path.join(OUT, case + ".onnx")
    torch.onnx.export(
        model, x, path, opset_version=opset, input_names=["input"], output_names=["output"],
        dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}}, do_constant_folding=True)
    with open(os.path.join(OUT, case + ".expected.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join([f"x{i + 1}" for i in range(n)] + [f"y{j + 1}" for j in range(y.shape[1])]) + "\n")
        for r in range(x.shape[0]):
            f.write("\t".join(repr(float(v)) for v in list(x[r]) + list(y[r])) + "\n")
    element = "double" if dtype == torch.float64 else "float"
    return f"{case}\t{element}\t{opset}\t{' | '.join(specs)}\t{note}\n"


def dense_stack(sizes, activation, last, bias=True, flatten=False, dropout=False):
    layers = []
    if flatten:
        layers.append(nn.Flatten())
    for i in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[i], sizes[i + 1], bias=bias))
        act = activation if i < len(sizes) - 2 else last
        if act is not None:
            layers.append(act())
        if dropout and i < len(sizes) - 2:
            layers.append(nn.Dropout(0.3))
    return nn.Sequential(*layers)


def main():
    os.makedirs(OUT, exist_ok=True)
    manifest = ["case\telement\topset\tlayers\tnote\n"]
    seed = 0

    def spec_list(sizes, hidden_spec, last_spec):
        return [hidden_spec if i < len(sizes) - 2 else last_spec for i in range(len(sizes) - 1)]

    # Every activation, float32, at every opset it exports at: 3 inputs, hidden 5, one more hidden layer of 4, 2 outputs.
    for name, factory, spec in ACTIVATIONS:
        for opset in OPSETS:
            for dtype in (torch.float32, torch.float64):
                seed += 1
                torch.manual_seed(seed)
                torch.set_default_dtype(dtype)
                sizes = [3, 5, 4, 2]
                model = dense_stack(sizes, factory, factory)
                element = "d" if dtype == torch.float64 else "f"
                case = f"{name}_op{opset}_{element}"
                try:
                    note = "nn.Sequential of Linear and " + name + ("; float32 attribute" if name == "leakyrelu" else "")
                    manifest.append(export(case, model, 3, dtype, opset, note, spec_list(sizes, spec, spec)))
                except Exception as e:  # an operator PyTorch 1.13 cannot export at that opset
                    manifest.append(f"# {case}\tnot exported by torch 1.13: {type(e).__name__}: {str(e).splitlines()[0]}\n")
                    for suffix in (".onnx", ".expected.tsv"):
                        p = os.path.join(OUT, case + suffix)
                        if os.path.exists(p):
                            os.remove(p)
    torch.set_default_dtype(torch.float32)

    # Shapes: depths, widths, Flatten and Dropout, no bias, a single output unit, softmax heads.
    shapes = [
        ("neuron_sigmoid", [4, 1], None, nn.Sigmoid, "Sigmoid", "Sigmoid", dict()),
        ("neuron_identity_nobias", [6, 1], None, None, "Identity", "Identity", dict(bias=False)),
        ("deep_relu", [8, 16, 16, 12, 8, 3], nn.ReLU, None, "ReLU", "Identity", dict()),
        ("wide_tanh", [20, 32, 1], nn.Tanh, None, "Tanh", "Identity", dict()),
        ("flatten_dropout_relu", [5, 7, 3], nn.ReLU, nn.Softmax, "ReLU", "Softmax", dict(flatten=True, dropout=True)),
        ("dropout_gelu_logsoftmax", [4, 6, 6, 3], nn.GELU, nn.LogSoftmax, "GELU", "LogSoftmax", dict(dropout=True)),
        ("nobias_elu", [3, 4, 2], nn.ELU, None, "ELU", "Identity", dict(bias=False)),
    ]
    for name, sizes, hidden, last, hidden_spec, last_spec, options in shapes:
        for opset in OPSETS:
            for dtype in (torch.float32, torch.float64):
                seed += 1
                torch.manual_seed(seed)
                torch.set_default_dtype(dtype)
                last_factory = (lambda: last(dim=1)) if last in (nn.Softmax, nn.LogSoftmax) else last
                model = dense_stack(sizes, hidden, last_factory, **options)
                element = "d" if dtype == torch.float64 else "f"
                case = f"{name}_op{opset}_{element}"
                manifest.append(export(case, model, sizes[0], dtype, opset, name.replace("_", " "), spec_list(sizes, hidden_spec, last_spec)))
    torch.set_default_dtype(torch.float32)

    with open(os.path.join(HERE, "corpus-torch.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.writelines(manifest)


if __name__ == "__main__":
    main()
