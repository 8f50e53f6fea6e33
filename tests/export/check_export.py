#!/usr/bin/env python3
"""check_export.py: the exported models against the engine (run by tests/export/run.sh).

For each config: train with the native CLI, export JSON, and check that
  - the JSON reloads into the engine with bit-identical predictions and re-exports byte for byte;
  - the generated PyTorch script runs (Debian's python3-torch) and prints predictions within 1e-6
    of the engine's, and its embedded PLAYGROUND values are the engine's float32 outputs;
  - the generated Keras script (not run: no TensorFlow package is reachable here) has the JSON's
    structure (Dense units, activations, BatchNormalization, Dropout, Add skips, input width) and
    exactly the JSON's float32 weights, read back from the script with Python's ast module.
Usage: check_export.py BP_BINARY [PYTHON_WITH_TORCH]
"""
import ast
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

BP = sys.argv[1] if len(sys.argv) > 1 else "build/bp"
PY = sys.argv[2] if len(sys.argv) > 2 else "/usr/bin/python3"
POINTS = "0,0;1.5,-2;-3,2.5;4.25,4;-5,-1.75;5.9,-5.9;-0.3,0.7;2.2,2.2"
CONFIGS = [
    ("plain tanh", "seed=e1", 30),
    ("relu + bn + residual + dropout, more features",
     "activation=relu&networkShape=5,5,5&batchNorm=true&residual=true&dropout=0.2&"
     "xSquared=true&sinX=true&seed=e2&dataset=xor&noise=10", 40),
    ("multi-class softmax, per-layer activations, leaky relu",
     "dataset=blobs4&networkShape=6,6&layerActivations=leakyrelu,sigmoid&leakyAlpha=0.05&"
     "optimizer=adam&learningRate=0.01&seed=e3", 25),
    ("regression, linear output, xTimesY + sinY, batch norm",
     "problem=regression&regDataset=reg-gauss&networkShape=4,4&batchNorm=true&xTimesY=true&"
     "sinY=true&ySquared=true&seed=e4", 20),
    ("bce sigmoid output, residual relu, L2", "loss=bce&activation=relu&networkShape=3,3,3&"
     "residual=true&regularization=L2&regularizationRate=0.001&dataset=spiral&seed=e5", 30),
    ("no hidden layer", "networkShape=&seed=e6", 10),
]


def run(*args, stdin=None):
    r = subprocess.run(args, input=stdin, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit("command failed: %s\n%s" % (" ".join(args), r.stderr))
    return r.stdout


def parse_predictions(text):
    rows = []
    for line in text.strip().splitlines():
        left, right = line.split(":")
        rows.append([float(v) for v in right.split()])
    return rows


def f32(v):
    return np.float32(v)


def check_keras(script, model, name):
    tree = ast.parse(script)
    values = {}  # module-level list assignments: W_0, b_0, gamma_0, ...
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            try:
                values[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                pass
    build = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "build_model")
    inputs_shape = None
    calls = []  # every tf.keras.layers.X(...) call of build_model, in source order
    for n in ast.walk(build):
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute):
            if n.func.attr == "Input":
                inputs_shape = ast.literal_eval(n.keywords[0].value)
            elif ast.unparse(n.func).startswith("tf.keras.layers."):
                calls.append(n)
    calls.sort(key=lambda n: (n.lineno, n.col_offset))
    layers = [(n.func.attr, [ast.literal_eval(a) for a in n.args if isinstance(a, ast.Constant)],
               {k.arg: ast.literal_eval(k.value) for k in n.keywords}) for n in calls]
    assert inputs_shape == (model["layers"][0]["nIn"],), (name, inputs_shape)
    cfg = model["config"]
    dropout = next((float(kv.split("=")[1]) for kv in cfg.split("&") if kv.startswith("dropout=")), 0)
    expect = []
    for l, L in enumerate(model["layers"]):
        hidden = l + 1 < len(model["layers"])
        expect.append(("Dense", [L["nOut"]], {"name": "dense_%d" % l}))
        if "batchNorm" in L:
            expect.append(("BatchNormalization", [], {"epsilon": 1e-05, "momentum": 0.9,
                                                      "name": "bn_%d" % l}))
        act = L["activation"]
        if act == "leakyrelu":
            alpha = float([kv for kv in cfg.split("&") if kv.startswith("leakyAlpha=")][0][11:]) \
                if "leakyAlpha=" in cfg else 0.01
            expect.append(("LeakyReLU", [], {"alpha": alpha, "name": "act_%d" % l}))
        else:
            expect.append(("Activation", [act], {"name": "act_%d" % l}))
        if hidden and dropout > 0:
            expect.append(("Dropout", [dropout], {"name": "dropout_%d" % l}))
        if L["residual"]:
            expect.append(("Add", [], {"name": "skip_%d" % l}))
    assert layers == expect, (name, layers, expect)
    checked = 0
    for l, L in enumerate(model["layers"]):
        pairs = [("W_%d" % l, L["W"]), ("b_%d" % l, L["b"])]
        if "batchNorm" in L:
            bn = L["batchNorm"]
            pairs += [("gamma_%d" % l, bn["gamma"]), ("beta_%d" % l, bn["beta"]),
                      ("mean_%d" % l, bn["runningMean"]), ("var_%d" % l, bn["runningVar"])]
        for var, ref in pairs:
            got = np.array(values[var], dtype=np.float32)
            want = np.array(ref, dtype=np.float32)
            assert got.shape == want.shape and np.array_equal(got.view(np.uint32),
                                                              want.view(np.uint32)), (name, var)
            checked += want.size
        # set_weights transposes the playground's [nOut][nIn] into Keras's [nIn][nOut] kernel
        assert 'model.get_layer("dense_%d").set_weights([f32(W_%d).T, f32(b_%d)])' % (l, l, l) \
            in script, (name, l)
    return checked


def main():
    worst_all = 0.0
    path = os.path.join(tempfile.mkdtemp(prefix="bp_export_"), "model.json")
    for name, hash_, epochs in CONFIGS:
        model_text = run(BP, "export", "--config", hash_, "--epochs", str(epochs), "--format", "json")
        model = json.loads(model_text)
        with open(path, "w") as f:
            f.write(model_text)
        engine = run(BP, "predict", "--config", hash_, "--epochs", str(epochs), "--points", POINTS)
        reloaded = run(BP, "predict", "--model", path, "--points", POINTS)
        assert engine == reloaded, (name, "predictions after reloading the JSON differ")
        again = run(BP, "export", "--model", path, "--format", "json")
        assert again == model_text, (name, "JSON does not re-export byte for byte")
        ref = parse_predictions(engine)

        script = run(BP, "export", "--model", path, "--format", "pytorch",
                     "--points", POINTS)
        out = run(PY, "-", stdin=script)
        rows = [l for l in out.splitlines() if l.startswith("prediction ")]
        assert len(rows) == len(ref), (name, out)
        worst = 0.0
        for line, want in zip(rows, ref):
            torch_vals = [float(v) for v in line.split(":")[1].split("|")[0].split()]
            embedded = [float(v) for v in line.split("| playground")[1].split()]
            assert [f32(v) for v in embedded] == [f32(v) for v in want], (name, "PLAYGROUND")
            worst = max([worst] + [abs(a - b) for a, b in zip(torch_vals, want)])
        assert worst <= 1e-6, (name, worst)
        worst_all = max(worst_all, worst)

        keras = run(BP, "export", "--model", path, "--format", "keras",
                    "--points", POINTS)
        n = check_keras(keras, model, name)
        print("ok  %-55s torch max |diff| %.3g over %d outputs; keras: structure + %d weights exact"
              % (name, worst, sum(len(r) for r in ref), n))
    print("export check passed: PyTorch predictions within %.3g of the engine's (bound 1e-6)"
          % worst_all)


if __name__ == "__main__":
    main()
