"""Times numpy's np.maximum(X @ w + b, 0) in float64 on the benchmark's matrix size.

Run by tests/Benchmarks/Invoke-Benchmark.ps1 with Debian's /usr/bin/python3 (python3-numpy), with
OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset for this command only. Prints one JSON object: the times
of each repetition in seconds and the BLAS library and threads that ran.
"""
import json
import sys
import time

import numpy as np


def blas_info():
    """What threadpoolctl sees (OpenBLAS, MKL, BLIS report their threads), and which BLAS files are loaded:
    Debian's numpy calls whatever libblas.so.3 the alternatives system points at, which may be netlib's
    single-threaded reference BLAS that threadpoolctl does not list."""
    try:
        from threadpoolctl import threadpool_info
        pools = [
            {k: info.get(k) for k in ("internal_api", "version", "num_threads", "architecture", "filepath")}
            for info in threadpool_info()
        ]
    except ImportError:
        pools = []
    with open("/proc/self/maps", encoding="utf-8") as maps:
        loaded = sorted({line.split()[-1] for line in maps if "blas" in line.lower() or "lapack" in line.lower()})
    return {"threadpools": pools, "loaded": loaded}


def main():
    rows, columns, repeats = (int(arg) for arg in sys.argv[1:4])
    rng = np.random.default_rng(1)
    x = rng.random((rows, columns)) - 0.5
    w = rng.random(columns) - 0.5
    b = 0.25
    np.maximum(x[:1000] @ w + b, 0)  # warm up the BLAS kernels and threads
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        z = np.maximum(x @ w + b, 0)
        times.append(time.perf_counter() - start)
    json.dump({"times": times, "checksum": float(z.sum()), "numpy": np.__version__, "blas": blas_info()}, sys.stdout)


if __name__ == "__main__":
    main()
