#!/usr/bin/python3
"""Writes the Keras part of the ONNX import corpus: files in the shape tf2onnx writes for Keras Dense models.

Run with Debian's python3-onnx (1.12) and python3-numpy:  /usr/bin/python3 tests/Data/onnx/generate_tf2onnx.py
Neither TensorFlow nor tf2onnx is packaged in Debian, so each graph is built with onnx.helper as tf2onnx builds it
(onnx/tensorflow-onnx), and the outputs beside each file are computed by numpy with Keras's own formulas
(Dense: activation(x · kernel + bias), kernel [inputs, units]) in the file's precision (float32 as Keras's default
floatx, float64 for floatx='float64'). Sources followed:
  tf2onnx/onnx_opset/math.py        MatMul (a transpose_b MatMul gets a Transpose on its constant input when the
                                    constant folding optimizer is off)
  tf2onnx/onnx_opset/nn.py          BiasAdd → Add; Relu6 → Clip with min/max attributes (opset < 11) or constant
                                    inputs (opset ≥ 11); Softmax with axis = last dimension (opset < 13) or default
  tf2onnx/rewriter/gemm_rewriter.py MatMul + Add fused into Gemm (transB = 0)
  tf2onnx/tfonnx.py                 graph inputs named like 'dense_input' with an 'unk__' batch dimension, and the
                                    Identity tf2onnx leaves on graph outputs
Each case writes <case>.onnx and <case>.expected.tsv (x1..xn, y1..ym) in tests/Data/onnx/tf2onnx/ and a line in
corpus-tf2onnx.tsv. keras_hard_sigmoid_f is refused by the importer on purpose: Keras 2's hard_sigmoid is
clip(0.2x + 0.5, 0, 1), which is not the catalogue's Hardsigmoid (relu6(x + 3)/6).
"""
import os

import numpy as np
from onnx import TensorProto, helper

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "tf2onnx")


def relu(x): return np.maximum(x, 0)
def relu6(x): return np.minimum(np.maximum(x, 0), 6)
def sigmoid(x): return 1 / (1 + np.exp(-x))
def softmax(x):
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)
def elu(x): return np.where(x > 0, x, np.expm1(x))
def selu(x): return 1.0507009873554805 * np.where(x > 0, x, 1.6732632423543772 * np.expm1(x))
def softplus(x): return np.logaddexp(x, 0)
def softsign(x): return x / (1 + np.abs(x))
def swish(x): return x * sigmoid(x)
def leaky(alpha): return lambda x: np.where(x > 0, x, x * alpha)
def hard_sigmoid(x): return np.clip(0.2 * x + 0.5, 0, 1)
def linear(x): return x


class Graph:
    def __init__(self, dtype, opset):
        self.dtype, self.opset = dtype, opset
        self.proto = TensorProto.DOUBLE if dtype == np.float64 else TensorProto.FLOAT
        self.nodes, self.inits, self.n = [], [], 0

    def name(self, base):
        self.n += 1
        return f"{base}:{self.n}"

    def const(self, base, array, proto=None):
        name = self.name(base)
        array = np.asarray(array)
        self.inits.append(helper.make_tensor(name, proto or self.proto, array.shape, array.ravel().tolist()))
        return name

    def node(self, op, inputs, outputs=None, **attrs):
        outputs = outputs or [self.name("sequential/" + op)]
        self.nodes.append(helper.make_node(op, inputs, outputs, name=self.name(op), **attrs))
        return outputs[0]

    def activation(self, x, name):
        if name == "relu":
            return self.node("Relu", [x])
        if name == "relu6":
            if self.opset < 11:
                return self.node("Clip", [x], min=0.0, max=6.0)
            return self.node("Clip", [x, self.const("clip_min", np.array(0.0, self.dtype)), self.const("clip_max", np.array(6.0, self.dtype))])
        if name == "sigmoid":
            return self.node("Sigmoid", [x])
        if name == "softmax":
            return self.node("Softmax", [x], axis=1) if self.opset < 13 else self.node("Softmax", [x])
        if name == "elu":
            return self.node("Elu", [x], alpha=1.0)
        if name == "selu":
            return self.node("Selu", [x])
        if name == "softplus":
            return self.node("Softplus", [x])
        if name == "softsign":
            return self.node("Softsign", [x])
        if name == "swish":
            return self.node("Mul", [x, self.node("Sigmoid", [x])])
        if name == "leaky":
            return self.node("LeakyRelu", [x], alpha=0.3)
        if name == "hard_sigmoid":
            return self.node("HardSigmoid", [x], alpha=0.2, beta=0.5)
        return x

    def dense(self, x, kernel, bias, style):
        if style == "gemm":
            return self.node("Gemm", [x, self.const("dense/kernel", kernel), self.const("dense/bias", bias)], alpha=1.0, beta=1.0)
        if style == "transpose":
            # A transpose_b MatMul: the constant is stored [units, inputs] and transposed in the graph.
            w = self.node("Transpose", [self.const("dense/kernel_t", kernel.T.copy())], perm=[1, 0])
            return self.node("Add", [self.node("MatMul", [x, w]), self.const("dense/bias", bias)])
        if style == "nobias":
            return self.node("MatMul", [x, self.const("dense/kernel", kernel)])
        return self.node("Add", [self.node("MatMul", [x, self.const("dense/kernel", kernel)]), self.const("dense/BiasAdd/ReadVariableOp", bias)])


FUNCTIONS = {"relu": relu, "relu6": relu6, "sigmoid": sigmoid, "softmax": softmax, "elu": elu, "selu": selu, "softplus": softplus,
             "softsign": softsign, "swish": swish, "leaky": leaky(np.float32(0.3)), "hard_sigmoid": hard_sigmoid, "linear": linear}


def case(manifest, name, sizes, activations, dtype, opset, style, seed, note):
    rng = np.random.default_rng(seed)
    g = Graph(dtype, opset)
    x = "dense_input"
    X = rng.normal(0, 2, size=(12, sizes[0])).astype(np.float32).astype(dtype)
    X[0] = 0
    value = X
    for i in range(len(sizes) - 1):
        # Keras's glorot_uniform kernel and a small nonzero bias (a trained model's bias is rarely zero).
        limit = np.sqrt(6 / (sizes[i] + sizes[i + 1]))
        kernel = rng.uniform(-limit, limit, size=(sizes[i], sizes[i + 1])).astype(dtype)
        bias = rng.uniform(-0.5, 0.5, size=sizes[i + 1]).astype(dtype)
        layer_style = style if style != "nobias" or i == 0 else "matmul"
        x = g.dense(x, kernel, bias, layer_style)
        x = g.activation(x, activations[i])
        pre = value @ kernel + (0 if layer_style == "nobias" else bias)
        value = FUNCTIONS[activations[i]](pre).astype(dtype)
    g.node("Identity", [x], ["dense_2"])
    graph = helper.make_graph(
        g.nodes, "tf2onnx", [helper.make_tensor_value_info("dense_input", g.proto, ["unk__6", sizes[0]])],
        [helper.make_tensor_value_info("dense_2", g.proto, ["unk__7", sizes[-1]])], initializer=g.inits)
    model = helper.make_model(graph, producer_name="tf2onnx", producer_version="1.14.0", opset_imports=[helper.make_opsetid("", opset)])
    model.ir_version = 7 if opset <= 13 else 8
    with open(os.path.join(OUT, name + ".onnx"), "wb") as f:
        f.write(model.SerializeToString())
    with open(os.path.join(OUT, name + ".expected.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join([f"x{i + 1}" for i in range(sizes[0])] + [f"y{j + 1}" for j in range(sizes[-1])]) + "\n")
        for r in range(X.shape[0]):
            f.write("\t".join(repr(float(v)) for v in list(X[r]) + list(value[r])) + "\n")
    manifest.append(f"{name}\t{'double' if dtype == np.float64 else 'float'}\t{opset}\t{style}\t{' | '.join(activations)}\t{note}\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    manifest = ["case\telement\topset\tdense form\tactivations\tnote\n"]
    f32, f64 = np.float32, np.float64
    case(manifest, "keras_relu_softmax_f", [4, 8, 3], ["relu", "softmax"], f32, 13, "matmul", 1, "MatMul + Add (BiasAdd)")
    case(manifest, "keras_relu_softmax_op11_f", [4, 8, 3], ["relu", "softmax"], f32, 11, "matmul", 2, "Softmax axis=1 before opset 13")
    case(manifest, "keras_gemm_relu6_f", [5, 6, 6, 1], ["relu6", "relu6", "sigmoid"], f32, 13, "gemm", 3, "gemm_rewriter Gemm; Relu6 as Clip with inputs")
    case(manifest, "keras_relu6_op9_f", [3, 4, 2], ["relu6", "linear"], f32, 9, "matmul", 4, "Relu6 as Clip with attributes")
    case(manifest, "keras_transpose_sigmoid_f", [6, 5, 2], ["sigmoid", "softmax"], f32, 13, "transpose", 5, "Transpose of a constant weight")
    case(manifest, "keras_elu_selu_f", [4, 6, 5, 2], ["elu", "selu", "linear"], f32, 13, "matmul", 6, "elu, selu")
    case(manifest, "keras_softplus_softsign_f", [3, 5, 4, 1], ["softplus", "softsign", "linear"], f32, 13, "gemm", 7, "softplus, softsign")
    case(manifest, "keras_swish_leaky_f", [4, 6, 6, 2], ["swish", "leaky", "linear"], f32, 13, "matmul", 8, "swish as x·sigmoid(x), LeakyReLU alpha 0.3 (float32)")
    case(manifest, "keras_nobias_relu_f", [4, 3, 1], ["relu", "linear"], f32, 13, "nobias", 9, "first Dense use_bias=False: MatMul alone")
    case(manifest, "keras_relu_softmax_d", [4, 8, 3], ["relu", "softmax"], f64, 13, "matmul", 10, "floatx float64")
    case(manifest, "keras_gemm_relu6_d", [5, 6, 6, 1], ["relu6", "relu6", "sigmoid"], f64, 13, "gemm", 11, "floatx float64")
    case(manifest, "keras_hard_sigmoid_f", [3, 4, 1], ["hard_sigmoid", "linear"], f32, 13, "matmul", 12, "Keras 2 hard_sigmoid: refused (not the catalogue's Hardsigmoid)")
    with open(os.path.join(HERE, "corpus-tf2onnx.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.writelines(manifest)


if __name__ == "__main__":
    main()
