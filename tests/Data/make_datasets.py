#!/usr/bin/env python3
"""Writes digits.csv, wine.csv and breast_cancer.csv from the copies in Debian's python3-sklearn.

Run with Debian's interpreter: /usr/bin/python3 tests/Data/make_datasets.py (no network: scikit-learn's
loaders read these three data sets from files inside the package). Column names are scikit-learn's
feature names made into CSV headers (spaces and brackets to underscores); the class column holds the
class as text, as the users' CSV files do.
"""
import csv
import os
import re

from sklearn.datasets import load_breast_cancer, load_digits, load_wine

HERE = os.path.dirname(os.path.abspath(__file__))
DIGIT_NAMES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def header(name):
    return re.sub(r"[^0-9A-Za-z]+", "_", name).strip("_")


def number(value):
    # Integral values as integers (digits' pixels, wine's proline), others as the shortest round-trip text.
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def write(file_name, feature_names, data, target, labels, target_name):
    with open(os.path.join(HERE, file_name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow([header(n) for n in feature_names] + [target_name])
        for row, t in zip(data, target):
            w.writerow([number(v) for v in row] + [labels[t]])


digits = load_digits()
# Text labels: the users' CSV files name their classes; a digit's class spelt out makes it a text label
# column like theirs (the pixel values are unchanged).
write("digits.csv", ["pixel_%d_%d" % (i // 8, i % 8) for i in range(64)], digits.data, digits.target, DIGIT_NAMES, "digit")

wine = load_wine()
write("wine.csv", wine.feature_names, wine.data, wine.target, list(wine.target_names), "cultivar")

cancer = load_breast_cancer()
write("breast_cancer.csv", cancer.feature_names, cancer.data, cancer.target, list(cancer.target_names), "diagnosis")
