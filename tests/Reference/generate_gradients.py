#!/usr/bin/python3
"""Reference values for NeuronTools' gradients, losses and optimizers, from PyTorch autograd in float64.

Run with Debian's python3-torch (1.13), not the pyenv python first on PATH:

    /usr/bin/python3 tests/Reference/generate_gradients.py

It writes three tables next to itself; the xUnit tests read them and never call Python.

  training_gradients.tsv   d z_k / d x, d z_k / d W, d z_k / d b of neurons and small networks
  training_losses.tsv      each loss (mean over the batch) and its gradient with respect to the
                           output layer's pre-activations a, through the output activation
  training_optimizers.tsv  a few full-batch steps of torch.optim.SGD / SGD(momentum=0.9) / Adam

Numbers are written with repr(), the shortest text that reads back as the same double.
"""
import os
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))


def fmt(values):
    if isinstance(values, torch.Tensor):
        values = values.detach().reshape(-1).tolist()
    return " ".join(repr(float(v)) for v in values)


def activation(name):
    """Returns f for a NeuronTools activation specification."""
    if name == "Identity":
        return lambda a: a
    if name == "ReLU":
        return torch.relu
    if name.startswith("LeakyReLU"):
        slope = float(name.split("=")[1].rstrip(")")) if "=" in name else 0.01
        return lambda a: F.leaky_relu(a, slope)
    if name == "Sigmoid":
        return torch.sigmoid
    if name == "Tanh":
        return torch.tanh
    if name == "Hardsigmoid":
        # Not F.hardsigmoid: PyTorch 1.13's hardsigmoid_backward multiplies by the float32 constant 1/6 even
        # for float64 tensors (a relative error of 3e-8). The same piecewise formula, with autograd through
        # torch.where, gives the float64 derivative and PyTorch's kink convention (0 at -3 and 3).
        return lambda a: torch.where((a > -3) & (a < 3), (a + 3) / 6, torch.where(a >= 3, torch.ones_like(a), torch.zeros_like(a)))
    if name == "Softmax":
        return lambda a: torch.softmax(a, dim=-1)
    if name == "LogSoftmax":
        return lambda a: torch.log_softmax(a, dim=-1)
    if name == "Softmin":
        return lambda a: F.softmin(a, dim=-1)
    raise ValueError(name)


def forward(weights, biases, activations, x):
    h = x
    for w, b, f in zip(weights, biases, activations):
        h = activation(f)(h @ w.T + b)
    return h


def random_model(sizes, generator):
    weights, biases = [], []
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        weights.append((torch.rand(n_out, n_in, generator=generator) * 2 - 1).requires_grad_())
        biases.append((torch.rand(n_out, generator=generator) * 2 - 1).requires_grad_())
    return weights, biases


def gradients():
    rows = []
    header = ["case", "sizes", "activations", "weight", "bias", "input", "output_index",
              "output", "input_gradient", "weight_gradient", "bias_gradient"]

    def case(name, sizes, activations, weights, biases, x, k):
        x = torch.tensor(x, requires_grad=True)
        z = forward(weights, biases, activations, x)
        for p in weights + biases:
            p.grad = None
        z[k].backward()
        rows.append([name, "-".join(map(str, sizes)), ";".join(activations),
                     fmt(torch.cat([w.reshape(-1) for w in weights])), fmt(torch.cat(biases)),
                     fmt(x), str(k), repr(float(z[k])), fmt(x.grad),
                     fmt(torch.cat([w.grad.reshape(-1) for w in weights])),
                     fmt(torch.cat([b.grad for b in biases]))])

    def neuron(w, b):
        return [torch.tensor([w], requires_grad=True)], [torch.tensor([b], requires_grad=True)]

    # The article's neuron, w = 0.5, -1, 2, b = 0.5, in every activation, with a = 2, a = -3 and a = 0 exactly.
    for f in ["Identity", "ReLU", "LeakyReLU", "LeakyReLU(negative_slope=0.2)", "Sigmoid", "Tanh", "Hardsigmoid"]:
        for label, x in [("a=2", [5.0, 3.0, 1.0]), ("a=-3", [1.0, 4.0, 0.0]), ("a=0", [1.0, 0.5, -0.25])]:
            w, b = neuron([0.5, -1.0, 2.0], 0.5)
            case(f"neuron {f} {label}", [3, 1], [f], w, b, x, 0)

    g = torch.Generator().manual_seed(20240601)
    nets = [
        ([3, 4, 2], ["Tanh", "Sigmoid"]),
        ([2, 2, 1], ["Tanh", "Sigmoid"]),
        ([4, 5, 3], ["ReLU", "Identity"]),
        ([3, 4, 4, 2], ["LeakyReLU(negative_slope=0.2)", "Sigmoid", "Tanh"]),
        ([4, 5, 3], ["Tanh", "Softmax"]),
        ([4, 5, 3], ["Sigmoid", "LogSoftmax"]),
        ([4, 3, 3], ["Tanh", "Softmin"]),
    ]
    for sizes, activations in nets:
        weights, biases = random_model(sizes, g)
        x = (torch.rand(sizes[0], generator=g) * 4 - 2).tolist()
        for k in range(sizes[-1]):
            case(f"network {'-'.join(map(str, sizes))} {'/'.join(activations)} output {k}", sizes, activations, weights, biases, x, k)
    write("training_gradients.tsv", header, rows)


def losses():
    rows = []
    header = ["case", "loss", "activation", "rows", "outputs", "preactivation", "target_width", "target", "loss_value", "gradient"]

    def case(name, loss, f, a, target, target_width):
        a = torch.tensor(a, requires_grad=True)
        z = activation(f)(a)
        t = torch.tensor(target)
        if loss == "MeanSquaredError":
            value = F.mse_loss(z, t)
        elif loss == "MeanAbsoluteError":
            value = F.l1_loss(z, t)
        elif loss == "BinaryCrossEntropy":
            if f == "Sigmoid":
                value = F.binary_cross_entropy_with_logits(a, t)
            elif f == "Identity":
                value = F.binary_cross_entropy_with_logits(z, t)
            else:
                value = F.binary_cross_entropy(z, t)
        elif loss == "CrossEntropy":
            if f in ("Softmax", "LogSoftmax", "Identity"):
                logits = a
                value = F.cross_entropy(logits, t.long().reshape(-1)) if target_width == 1 else F.cross_entropy(logits, t)
            else:
                value = F.nll_loss(torch.clamp(torch.log(z), min=-100), t.long().reshape(-1))
        elif loss == "Hinge":
            if a.shape[1] == 1:
                sign = torch.where(t > 0, 1.0, -1.0)
                value = torch.relu(1 - sign * z).mean()
            else:
                value = F.multi_margin_loss(z, t.long().reshape(-1))
        value.backward()
        rows.append([name, loss, f, str(a.shape[0]), str(a.shape[1]), fmt(a), str(target_width), fmt(t),
                     repr(float(value)), fmt(a.grad)])

    one = [[2.0], [-0.5], [0.0], [1.25]]
    case("MSE identity one output", "MeanSquaredError", "Identity", one, [[1.0], [0.0], [0.0], [3.0]], 1)
    case("MSE sigmoid one output", "MeanSquaredError", "Sigmoid", one, [[1.0], [0.0], [1.0], [0.0]], 1)
    case("MSE tanh three outputs", "MeanSquaredError", "Tanh", [[0.3, -1.2, 2.0], [0.0, 0.5, -0.7]], [[0.1, -1.0, 1.0], [0.0, 0.0, 0.0]], 3)
    case("MAE identity with a zero error", "MeanAbsoluteError", "Identity", one, [[1.0], [0.0], [0.0], [1.25]], 1)
    case("MAE relu three outputs", "MeanAbsoluteError", "ReLU", [[0.3, -1.2, 2.0], [0.1, 0.5, -0.7]], [[0.1, -1.0, 1.0], [0.0, 1.0, 0.0]], 3)
    case("BCE sigmoid logits", "BinaryCrossEntropy", "Sigmoid", one, [[1.0], [0.0], [1.0], [0.25]], 1)
    case("BCE sigmoid extreme logits", "BinaryCrossEntropy", "Sigmoid", [[800.0], [-800.0], [40.0], [-40.0]], [[0.0], [1.0], [1.0], [1.0]], 1)
    case("BCE identity logits", "BinaryCrossEntropy", "Identity", one, [[1.0], [0.0], [1.0], [0.0]], 1)
    case("BCE sigmoid multi-label", "BinaryCrossEntropy", "Sigmoid", [[0.3, -1.2, 2.0], [0.0, 0.5, -0.7]], [[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]], 3)
    case("BCE hardsigmoid probabilities", "BinaryCrossEntropy", "Hardsigmoid", [[1.0], [-1.0], [-3.5], [3.5]], [[1.0], [0.0], [1.0], [0.0]], 1)
    three = [[1.0, 2.0, 0.5], [-1.0, 0.0, 3.0], [0.25, 0.25, 0.25]]
    for f in ["Identity", "Softmax", "LogSoftmax"]:
        case(f"CE {f} class index", "CrossEntropy", f, three, [[1.0], [2.0], [0.0]], 1)
    case("CE identity extreme logits", "CrossEntropy", "Identity", [[1000.0, -1000.0, 0.0], [-800.0, 800.0, 799.0]], [[1.0], [0.0]], 1)
    case("CE softmax probability targets", "CrossEntropy", "Softmax", three, [[0.0, 1.0, 0.0], [0.2, 0.3, 0.5], [1.0, 0.0, 0.0]], 3)
    case("CE sigmoid probabilities", "CrossEntropy", "Sigmoid", three, [[1.0], [2.0], [0.0]], 1)
    case("Hinge identity", "Hinge", "Identity", [[2.0], [-0.5], [1.0], [0.25]], [[1.0], [-1.0], [1.0], [0.0]], 1)
    case("Hinge tanh", "Hinge", "Tanh", one, [[1.0], [-1.0], [1.0], [-1.0]], 1)
    case("Hinge identity multi-class", "Hinge", "Identity", [[1.0, 2.0, 0.5], [-1.0, 0.0, 3.0], [0.0, 1.0, 0.0]], [[1.0], [2.0], [0.0]], 1)
    write("training_losses.tsv", header, rows)


def optimizers():
    rows = []
    header = ["case", "sizes", "activations", "weight", "bias", "loss", "optimizer", "learning_rate", "steps",
              "input", "target_width", "target", "step_loss", "final_weight", "final_bias"]
    g = torch.Generator().manual_seed(7)
    x = (torch.rand(8, 3, generator=g) * 2 - 1)
    regression = x @ torch.tensor([1.5, -2.0, 0.5]) + 0.25
    classes = (regression > 0.25).double()

    def case(name, sizes, activations, loss, optimizer, lr, steps, inputs, target, target_width):
        weights, biases = random_model(sizes, g)
        start_w = fmt(torch.cat([w.reshape(-1) for w in weights]))
        start_b = fmt(torch.cat(biases))
        params = weights + biases
        if optimizer == "SGD":
            opt = torch.optim.SGD(params, lr=lr)
        elif optimizer == "Momentum":
            opt = torch.optim.SGD(params, lr=lr, momentum=0.9)
        else:
            opt = torch.optim.Adam(params, lr=lr)
        losses = []
        for _ in range(steps):
            opt.zero_grad()
            a = inputs
            for i, (w, b, f) in enumerate(zip(weights, biases, activations)):
                pre = a @ w.T + b
                a = activation(f)(pre)
            if loss == "MeanSquaredError":
                value = F.mse_loss(a, target)
            elif loss == "BinaryCrossEntropy":
                value = F.binary_cross_entropy_with_logits(pre, target)
            losses.append(float(value))
            value.backward()
            opt.step()
        rows.append([name, "-".join(map(str, sizes)), ";".join(activations), start_w, start_b, loss, optimizer, repr(lr), str(steps),
                     fmt(inputs), str(target_width), fmt(target), fmt(losses),
                     fmt(torch.cat([w.reshape(-1) for w in weights])), fmt(torch.cat(biases))])

    for optimizer, lr in [("SGD", 0.1), ("Momentum", 0.05), ("Adam", 0.01)]:
        case(f"linear neuron MSE {optimizer}", [3, 1], ["Identity"], "MeanSquaredError", optimizer, lr, 6, x, regression.reshape(-1, 1), 1)
        case(f"sigmoid neuron BCE {optimizer}", [3, 1], ["Sigmoid"], "BinaryCrossEntropy", optimizer, lr, 6, x, classes.reshape(-1, 1), 1)
        case(f"network 3-4-1 tanh/sigmoid BCE {optimizer}", [3, 4, 1], ["Tanh", "Sigmoid"], "BinaryCrossEntropy", optimizer, lr, 6, x, classes.reshape(-1, 1), 1)
    write("training_optimizers.tsv", header, rows)


def write(name, header, rows):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as out:
        out.write("# Generated by tests/Reference/generate_gradients.py with torch " + torch.__version__ + "; do not edit.\n")
        out.write("\t".join(header) + "\n")
        for row in rows:
            out.write("\t".join(row) + "\n")


if __name__ == "__main__":
    gradients()
    losses()
    optimizers()
