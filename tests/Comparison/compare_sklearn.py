#!/usr/bin/env python3
"""scikit-learn's side of the accuracy comparison (README.md in this folder).

For each data set: the rows numbered from 0, every fourth row (row mod 4 = 3) held out as the test set,
the others the training set (the same split Compare-Accuracy.ps1 makes); StandardScaler fitted on the
training rows, then LogisticRegression and MLPClassifier((16,)). Writes sklearn-accuracy.tsv.

Run with Debian's python3-sklearn: /usr/bin/python3 tests/Comparison/compare_sklearn.py
"""
import csv
import os
import sys

import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "Data")

# name, file, target column, columns left out
DATA_SETS = [
    ("iris", "iris.csv", "species_name", ["species"]),
    ("wine", "wine.csv", "cultivar", []),
    ("breast_cancer", "breast_cancer.csv", "diagnosis", []),
    ("digits", "digits.csv", "digit", []),
]


def load(file_name, target, excluded):
    with open(os.path.join(DATA, file_name), newline="") as f:
        rows = list(csv.DictReader(f))
    columns = [c for c in rows[0].keys() if c != target and c not in excluded]
    x = [[float(r[c]) for c in columns] for r in rows]
    y = [r[target] for r in rows]
    return x, y


def split(x, y):
    train = [i for i in range(len(x)) if i % 4 != 3]
    test = [i for i in range(len(x)) if i % 4 == 3]
    pick = lambda values, rows: [values[i] for i in rows]
    return pick(x, train), pick(y, train), pick(x, test), pick(y, test)


def accuracy(model, x_train, y_train, x_test, y_test):
    model.fit(x_train, y_train)
    predicted = model.predict(x_test)
    return sum(p == t for p, t in zip(predicted, y_test)) / len(y_test)


def main():
    out = os.path.join(HERE, "sklearn-accuracy.tsv")
    with open(out, "w", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["dataset", "train_rows", "test_rows", "model", "accuracy"])
        for name, file_name, target, excluded in DATA_SETS:
            x_train, y_train, x_test, y_test = split(*load(file_name, target, excluded))
            models = {
                "StandardScaler+LogisticRegression": make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000)),
                "StandardScaler+MLPClassifier((16,))": make_pipeline(StandardScaler(), MLPClassifier((16,), max_iter=2000, random_state=1)),
            }
            for model_name, model in models.items():
                a = accuracy(model, x_train, y_train, x_test, y_test)
                w.writerow([name, len(x_train), len(x_test), model_name, "%.4f" % a])
                print(name, model_name, "%.4f" % a, file=sys.stderr)
    print("scikit-learn", sklearn.__version__, "->", out, file=sys.stderr)


if __name__ == "__main__":
    main()
