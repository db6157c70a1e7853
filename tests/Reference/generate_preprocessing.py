#!/usr/bin/env python3
"""Reference values for the stored preprocessing and the evaluation metrics, from scikit-learn.

scaling.tsv: for the training rows (row mod 4 != 3) of tests/Data/wine.csv and digits.csv, scikit-learn's
StandardScaler (mean_, scale_) and MinMaxScaler (data_min_, data_max_) per column, and the two scalers'
transform of the first test row. class-metrics.tsv: precision, recall, F1 and support per class, macro averages
and accuracy of fixed label vectors (classification_report with zero_division=0, over all the labels given); regression-metrics.tsv: R², MAE, RMSE of fixed
regression vectors.

Run with Debian's python3-sklearn: /usr/bin/python3 tests/Reference/generate_preprocessing.py
"""
import csv
import os

import numpy as np
from sklearn.metrics import (accuracy_score, mean_absolute_error, mean_squared_error,
                             precision_recall_fscore_support, r2_score)
from sklearn.preprocessing import MinMaxScaler, StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "Data")


def load(file_name, target):
    with open(os.path.join(DATA, file_name), newline="") as f:
        rows = list(csv.DictReader(f))
    columns = [c for c in rows[0].keys() if c != target]
    x = np.array([[float(r[c]) for c in columns] for r in rows])
    return columns, x


with open(os.path.join(HERE, "scaling.tsv"), "w", newline="") as f:
    w = csv.writer(f, delimiter="\t", lineterminator="\n")
    w.writerow(["dataset", "column", "mean", "std", "min", "max", "standard_first_test_row", "minmax_first_test_row"])
    for name, file_name, target in [("wine", "wine.csv", "cultivar"), ("digits", "digits.csv", "digit")]:
        columns, x = load(file_name, target)
        train = x[[i for i in range(len(x)) if i % 4 != 3]]
        first_test = x[3:4]
        standard = StandardScaler().fit(train)
        minmax = MinMaxScaler().fit(train)
        s = standard.transform(first_test)[0]
        m = minmax.transform(first_test)[0]
        for j, c in enumerate(columns):
            w.writerow([name, c, repr(standard.mean_[j]), repr(standard.scale_[j]), repr(minmax.data_min_[j]),
                        repr(minmax.data_max_[j]), repr(s[j]), repr(m[j])])

CLASS_CASES = {
    # name: (labels, true, predicted)
    "three_classes": (["a", "b", "c"], "a a a a b b b c c c c c", "a a b c b b a c c c b c"),
    "never_predicted": (["x", "y", "z"], "x x y y z z", "x x x x z z"),
    "binary": (["neg", "pos"], "neg neg neg pos pos pos pos neg", "neg pos neg pos pos neg pos neg"),
}

REGRESSION_CASES = {
    "one_output": ("3 -0.5 2 7 4.25", "2.5 0.0 2 8 4"),
    "perfect": ("1 2 3", "1 2 3"),
    # All true values equal: R² has no variance to explain; scikit-learn gives 0 (1 when every prediction is right).
    "constant_true": ("2 2 2", "1 2 3"),
}

with open(os.path.join(HERE, "class-metrics.tsv"), "w", newline="") as f:
    w = csv.writer(f, delimiter="\t", lineterminator="\n")
    w.writerow(["case", "labels", "true", "predicted", "class", "precision", "recall", "f1", "support"])
    for case, (labels, true, predicted) in CLASS_CASES.items():
        t, p = true.split(), predicted.split()
        precision, recall, f1, support = precision_recall_fscore_support(t, p, labels=labels, zero_division=0)
        for j, label in enumerate(labels):
            w.writerow([case, " ".join(labels), true, predicted, label, repr(float(precision[j])), repr(float(recall[j])), repr(float(f1[j])), int(support[j])])
        mp, mr, mf, _ = precision_recall_fscore_support(t, p, labels=labels, average="macro", zero_division=0)
        w.writerow([case, " ".join(labels), true, predicted, "(macro)", repr(float(mp)), repr(float(mr)), repr(float(mf)), len(t)])
        w.writerow([case, " ".join(labels), true, predicted, "(accuracy)", repr(float(accuracy_score(t, p))), "", "", len(t)])

with open(os.path.join(HERE, "regression-metrics.tsv"), "w", newline="") as f:
    w = csv.writer(f, delimiter="\t", lineterminator="\n")
    w.writerow(["case", "true", "predicted", "r2", "mae", "rmse"])
    for case, (true, predicted) in REGRESSION_CASES.items():
        t = [float(v) for v in true.split()]
        p = [float(v) for v in predicted.split()]
        w.writerow([case, true, predicted, repr(float(r2_score(t, p))), repr(float(mean_absolute_error(t, p))),
                    repr(float(np.sqrt(mean_squared_error(t, p))))])
