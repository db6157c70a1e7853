#!/usr/bin/python3
"""Writes the scikit-learn part of the ONNX import corpus: files in the shape skl2onnx writes, with scikit-learn's
own outputs beside them.

Run with Debian's python3-sklearn (1.2) and python3-onnx (1.12):  /usr/bin/python3 tests/Data/onnx/generate_skl2onnx.py
skl2onnx itself is not packaged in Debian, so each graph is built with onnx.helper node for node as the converter
builds it; the source followed is named per case (onnx/sklearn-onnx, skl2onnx/operator_converters/...):
  multilayer_perceptron.py  _forward_pass/_predict: Cast, then per layer MatMul + Add (intercepts [1, n]) and the
                            activation; the classifier's Sub(unity, p) + Concat for two classes or Identity, ArgMax,
                            ArrayFeatureExtractor, Reshape(-1) (and Cast to int64 for integer classes); the regressor's
                            Reshape(-1, 1)
  linear_classifier.py      LinearClassifier with coefficients [−c, c] and post_transform LOGISTIC for two classes;
                            SOFTMAX + Normalizer(L1) for multinomial; LOGISTIC + Normalizer(L1) for one-vs-rest
  linear_regressor.py       LinearRegressor (float) or MatMul + Add + Reshape(-1, 1) (double)
  scaler_op.py              Scaler(offset, scale) with StandardScaler offset = mean_, scale = 1/scale_; MinMaxScaler
                            scale = scale_, offset = −min_/(scale_ + 1e-8); the 'div' option's Sub + Div
  zip_map.py / _parse.py    ZipMap(classlabels_*) after the probabilities unless options={'zipmap': False}
Each case writes <case>.onnx and <case>.expected.tsv (x1..xn, y1..ym = predict_proba or predict, and the label
predict gives for classifiers) in tests/Data/onnx/skl2onnx/, and a line in corpus-skl2onnx.tsv.
"""
import os

import numpy as np
from onnx import TensorProto, TypeProto, helper
from sklearn.datasets import load_iris
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.preprocessing import MinMaxScaler, StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "skl2onnx")
ACT = {"identity": "Identity", "tanh": "Tanh", "logistic": "Sigmoid", "relu": "Relu", "softmax": "Softmax"}


class Graph:
    def __init__(self, dtype):
        self.dtype = dtype
        self.proto = TensorProto.DOUBLE if dtype == np.float64 else TensorProto.FLOAT
        self.nodes, self.inits, self.n = [], [], 0

    def name(self, base):
        self.n += 1
        return f"{base}{self.n}"

    def init(self, base, array, proto=None):
        name = self.name(base)
        array = np.asarray(array)
        proto = proto or self.proto
        if proto == TensorProto.STRING:
            self.inits.append(helper.make_tensor(name, proto, array.shape, [s.encode() for s in array.ravel()]))
        else:
            self.inits.append(helper.make_tensor(name, proto, array.shape, array.ravel().tolist()))
        return name

    def node(self, op, inputs, outputs=None, domain="", **attrs):
        outputs = outputs or [self.name(op.lower() + "_out")]
        self.nodes.append(helper.make_node(op, inputs, outputs, name=self.name(op), domain=domain, **attrs))
        return outputs[0] if len(outputs) == 1 else outputs


def zipmap_type(key):
    """seq(map(key, float)), ZipMap's output type (onnx 1.12's helper has no make_map_type_proto)."""
    t = TypeProto()
    t.sequence_type.elem_type.map_type.key_type = key
    t.sequence_type.elem_type.map_type.value_type.tensor_type.elem_type = TensorProto.FLOAT
    return t


def mlp_forward(g, x, model):
    """multilayer_perceptron.py: _predict and _forward_pass."""
    x = g.node("Cast", [x], to=g.proto)
    for i in range(model.n_layers_ - 1):
        w = g.init("coefficient", model.coefs_[i].astype(g.dtype))
        b = g.init("intercepts", model.intercepts_[i].astype(g.dtype).reshape(1, -1))
        x = g.node("Add", [g.node("MatMul", [x, w]), b])
        act = model.activation if i + 1 != model.n_layers_ - 1 else model.out_activation_
        x = g.node(ACT[act], [x])
    return x


def classifier_outputs(g, probabilities, classes, zipmap):
    """ArgMax + ArrayFeatureExtractor (+ Reshape, Cast) for the label; ZipMap for the probabilities by default."""
    integer = np.issubdtype(classes.dtype, np.integer)
    class_tensor = g.init("classes", classes.astype(np.int32) if integer else classes, TensorProto.INT32 if integer else TensorProto.STRING)
    extracted = g.node("ArrayFeatureExtractor", [class_tensor, g.node("ArgMax", [probabilities], axis=1)], domain="ai.onnx.ml")
    shape = g.init("shape", np.array([-1], dtype=np.int64), TensorProto.INT64)
    if integer:
        g.node("Cast", [g.node("Reshape", [extracted, shape])], ["label"], to=TensorProto.INT64)
    else:
        g.node("Reshape", [extracted, shape], ["label"])
    label_info = helper.make_tensor_value_info("label", TensorProto.INT64 if integer else TensorProto.STRING, [None])
    if not zipmap:
        g.node("Identity", [probabilities], ["probabilities"])
        return [label_info, helper.make_tensor_value_info("probabilities", g.proto, [None, len(classes)])]
    labels = {"classlabels_int64s": [int(c) for c in classes]} if integer else {"classlabels_strings": [str(c) for c in classes]}
    if g.proto == TensorProto.DOUBLE:
        # ZipMap takes float only: a double model's probabilities are cast first.
        probabilities = g.node("Cast", [probabilities], to=TensorProto.FLOAT)
    g.node("ZipMap", [probabilities], ["output_probability"], domain="ai.onnx.ml", **labels)
    key = TensorProto.INT64 if integer else TensorProto.STRING
    zip_type = zipmap_type(key)
    return [label_info, helper.make_value_info("output_probability", zip_type)]


def mlp_classifier(g, x, model, zipmap=True):
    y = mlp_forward(g, x, model)
    if len(model.classes_) == 2:
        unity = g.init("unity", np.array(1.0, dtype=g.dtype))
        y = g.node("Concat", [g.node("Sub", [unity, y]), y], axis=1)
    else:
        y = g.node("Identity", [y])
    return classifier_outputs(g, y, model.classes_, zipmap)


def linear_classifier(g, x, model, zipmap=True):
    """linear_classifier.py, float path: LinearClassifier, and Normalizer(L1) when multi_class > 0."""
    coef = model.coef_.ravel().astype(float).tolist()
    intercepts = model.intercept_.astype(float).tolist()
    classes = model.classes_
    multi = len(classes) > 2
    ovr = model.multi_class == "ovr"
    if len(classes) == 2:
        coef = [-c for c in coef] + coef
        intercepts = [-i for i in intercepts] + intercepts
    integer = np.issubdtype(classes.dtype, np.integer)
    labels = {"classlabels_ints": [int(c) for c in classes]} if integer else {"classlabels_strings": [str(c) for c in classes]}
    transform = "LOGISTIC" if ovr or not multi else "SOFTMAX"
    label, scores = g.node("LinearClassifier", [x], ["label", g.name("probability_tensor")], domain="ai.onnx.ml",
                           coefficients=coef, intercepts=intercepts, multi_class=1 if multi and not ovr else 0,
                           post_transform=transform, **labels)
    if multi:
        scores = g.node("Normalizer", [scores], domain="ai.onnx.ml", norm="L1")
    label_info = helper.make_tensor_value_info("label", TensorProto.INT64 if integer else TensorProto.STRING, [None])
    if not zipmap:
        g.node("Identity", [scores], ["probabilities"])
        return [label_info, helper.make_tensor_value_info("probabilities", g.proto, [None, len(classes)])]
    key = TensorProto.INT64 if integer else TensorProto.STRING
    zip_labels = {"classlabels_int64s": [int(c) for c in classes]} if integer else {"classlabels_strings": [str(c) for c in classes]}
    g.node("ZipMap", [scores], ["output_probability"], domain="ai.onnx.ml", **zip_labels)
    zip_type = zipmap_type(key)
    return [label_info, helper.make_value_info("output_probability", zip_type)]


def mlp_regressor(g, x, model):
    y = mlp_forward(g, x, model)
    shape = g.init("shape", np.array([-1, 1], dtype=np.int64), TensorProto.INT64)
    g.node("Reshape", [y, shape], ["variable"])
    return [helper.make_tensor_value_info("variable", g.proto, [None, 1])]


def linear_regressor(g, x, model):
    if g.dtype == np.float64:
        w = g.init("coef", model.coef_.reshape(-1, 1))
        b = g.init("intercept", np.array([model.intercept_]))
        shape = g.init("shape", np.array([-1, 1], dtype=np.int64), TensorProto.INT64)
        g.node("Reshape", [g.node("Add", [g.node("MatMul", [x, w]), b]), shape], ["variable"])
    else:
        g.node("LinearRegressor", [x], ["variable"], domain="ai.onnx.ml",
               coefficients=model.coef_.astype(np.float32).ravel().tolist(), intercepts=[float(np.float32(model.intercept_))])
    return [helper.make_tensor_value_info("variable", g.proto, [None, 1])]


def scaler(g, x, model, div=False):
    """scaler_op.py: Scaler, or with options={'div': 'div'} Sub + Div."""
    if isinstance(model, StandardScaler):
        offset, scale, inverse = model.mean_, 1.0 / model.scale_, model.scale_
    else:
        offset, scale, inverse = -model.min_ / (model.scale_ + 1e-8), model.scale_, None
    if div and inverse is not None:
        return g.node("Div", [g.node("Sub", [x, g.init("offset", offset.astype(g.dtype))]), g.init("scale", inverse.astype(g.dtype))])
    return g.node("Scaler", [x], domain="ai.onnx.ml", offset=offset.astype(float).tolist(), scale=scale.astype(float).tolist())


def save(case, g, n, outputs, X, expected, labels, source, note):
    graph = helper.make_graph(g.nodes, case, [helper.make_tensor_value_info("X", g.proto, [None, n])], outputs, initializer=g.inits)
    model = helper.make_model(graph, producer_name="skl2onnx", producer_version="1.13",
                              opset_imports=[helper.make_opsetid("", 13), helper.make_opsetid("ai.onnx.ml", 1)])
    model.ir_version = 7
    with open(os.path.join(OUT, case + ".onnx"), "wb") as f:
        f.write(model.SerializeToString())
    with open(os.path.join(OUT, case + ".expected.tsv"), "w", encoding="utf-8", newline="\n") as f:
        header = [f"x{i + 1}" for i in range(n)] + [f"y{j + 1}" for j in range(expected.shape[1])] + (["label"] if labels is not None else [])
        f.write("\t".join(header) + "\n")
        for r in range(X.shape[0]):
            cells = [repr(float(v)) for v in list(X[r]) + list(expected[r])] + ([str(labels[r])] if labels is not None else [])
            f.write("\t".join(cells) + "\n")
    element = "double" if g.dtype == np.float64 else "float"
    return f"{case}\t{element}\t{source}\t{note}\n"


def main():
    os.makedirs(OUT, exist_ok=True)
    iris = load_iris()
    X, y = iris.data, iris.target
    names = np.array([iris.target_names[t] for t in y])
    rows = np.concatenate([X[::10], X[5::25]])
    manifest = ["case\telement\tconverter source\tnote\n"]

    def classifier_case(case, model, build, dtype, fit_X, fit_y, source, note, **kw):
        model.fit(fit_X, fit_y)
        g = Graph(dtype)
        data = rows[:, :fit_X.shape[1]]
        outputs = build(g, "X", model, **kw)
        manifest.append(save(case, g, fit_X.shape[1], outputs, data, model.predict_proba(data), model.predict(data), source, note))

    for dtype, suffix in ((np.float32, "f"), (np.float64, "d")):
        classifier_case(f"mlp_classifier_iris_{suffix}", MLPClassifier((8,), max_iter=2000, random_state=1), mlp_classifier, dtype, X, y,
                        "multilayer_perceptron.py", "3 classes (int), relu, ZipMap")
    classifier_case("mlp_classifier_nozipmap_f", MLPClassifier((6, 5), activation="tanh", max_iter=2000, random_state=2), mlp_classifier, np.float32, X, y,
                    "multilayer_perceptron.py", "options zipmap=False, tanh", zipmap=False)
    two = y > 0
    for dtype, suffix in ((np.float32, "f"), (np.float64, "d")):
        classifier_case(f"mlp_classifier_binary_{suffix}", MLPClassifier((6,), activation="logistic", max_iter=3000, random_state=3), mlp_classifier, dtype,
                        X[two], names[two], "multilayer_perceptron.py", "2 classes (text): Sub(unity, p) + Concat")
    classifier_case("mlp_classifier_identity_f", MLPClassifier((4,), activation="identity", max_iter=2000, random_state=4), mlp_classifier, np.float32,
                    X, names, "multilayer_perceptron.py", "identity hidden activation, text classes")
    classifier_case("logistic_multinomial_f", LogisticRegression(max_iter=1000), linear_classifier, np.float32, X, y,
                    "linear_classifier.py", "LinearClassifier SOFTMAX + Normalizer L1")
    classifier_case("logistic_binary_f", LogisticRegression(max_iter=1000), linear_classifier, np.float32, X[two], names[two],
                    "linear_classifier.py", "LinearClassifier LOGISTIC, coefficients [-c, c]")
    classifier_case("logistic_ovr_f", LogisticRegression(multi_class="ovr", max_iter=1000), linear_classifier, np.float32, X, y,
                    "linear_classifier.py", "one-vs-rest: LOGISTIC + Normalizer L1, which no catalogue activation computes (refused)")

    # Regressors: petal width from the other three measurements.
    Xr, yr = X[:, :3], X[:, 3]
    for dtype, suffix in ((np.float32, "f"), (np.float64, "d")):
        model = MLPRegressor((10, 5), max_iter=3000, random_state=5).fit(Xr, yr)
        g = Graph(dtype)
        manifest.append(save(f"mlp_regressor_{suffix}", g, 3, mlp_regressor(g, "X", model), rows[:, :3], model.predict(rows[:, :3]).reshape(-1, 1), None,
                             "multilayer_perceptron.py", "relu, Reshape(-1, 1)"))
        model = LinearRegression().fit(Xr, yr)
        g = Graph(dtype)
        manifest.append(save(f"linear_regression_{suffix}", g, 3, linear_regressor(g, "X", model), rows[:, :3], model.predict(rows[:, :3]).reshape(-1, 1), None,
                             "linear_regressor.py", "LinearRegressor" if dtype == np.float32 else "MatMul + Add + Reshape (double)"))

    # Pipelines: a scaler in front.
    for dtype, suffix, div in ((np.float32, "f", False), (np.float64, "d", True)):
        sc = StandardScaler().fit(X)
        model = MLPClassifier((8,), max_iter=2000, random_state=6).fit(sc.transform(X), y)
        g = Graph(dtype)
        outputs = mlp_classifier(g, scaler(g, "X", sc, div=div), model)
        expected = model.predict_proba(sc.transform(rows))
        manifest.append(save(f"standard_scaler_mlp_{suffix}", g, 4, outputs, rows, expected, model.predict(sc.transform(rows)),
                             "scaler_op.py + multilayer_perceptron.py", "Pipeline(StandardScaler, MLPClassifier)" + (", div option: Sub + Div" if div else ", Scaler")))
    mm = MinMaxScaler().fit(X)
    model = LogisticRegression(max_iter=1000).fit(mm.transform(X), names)
    g = Graph(np.float32)
    outputs = linear_classifier(g, scaler(g, "X", mm), model)
    manifest.append(save("minmax_scaler_logistic_f", g, 4, outputs, rows, model.predict_proba(mm.transform(rows)), model.predict(mm.transform(rows)),
                         "scaler_op.py + linear_classifier.py", "Pipeline(MinMaxScaler, LogisticRegression), text classes"))

    with open(os.path.join(HERE, "corpus-skl2onnx.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.writelines(manifest)


if __name__ == "__main__":
    main()
