#!/usr/bin/env python3
"""Reference values for NeuralCore's training options, computed by the libraries that define them.

- label smoothing for BCE: Keras `BinaryCrossentropy(from_logits=True, label_smoothing=s)`
  (values and GradientTape gradients, every reduction, with sample weights), and PyTorch
  `BCEWithLogitsLoss(pos_weight=, weight=)` on targets smoothed as Keras does, y(1-s) + s/2
  (our combination of smoothing with pos_weight / class weight);
- learning-rate schedules, per optimizer step: optax (`exponential_decay(staircase=True)`,
  `cosine_decay_schedule`, `linear_schedule`, `join_schedules`, `warmup_cosine_decay_schedule`),
  PyTorch (`StepLR`, `CosineAnnealingLR`, `LinearLR`) and Keras (`ExponentialDecay`,
  `CosineDecay` with and without warmup);
- gradient clipping by global norm: PyTorch `clip_grad_norm_` (max/(norm + 1e-6)) and optax
  `clip_by_global_norm` (max/norm, no epsilon);
- a few training steps of a one-layer model with Adam / SGD under a schedule and clipping
  (PyTorch optimizers stepped with the optax schedule's rate; an optax chain for the
  no-epsilon clipping);
- Keras `EarlyStopping(monitor="val_loss", restore_best_weights=True)` on given val_loss
  sequences: the epoch it stops at and the epoch whose weights it restores.

Reads  Tests/NeuralCoreTests/Fixtures/reference/losses-and-metrics.json (the shared inputs)
Writes Tests/NeuralCoreTests/Fixtures/reference/training-options.json

    $HOME/venvs/peers/bin/python scripts/reference/training_options.py
"""

import json
import math
import os
import platform
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")

import numpy as np
import jax

jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp
import optax
import tensorflow as tf
import keras
import torch

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FIXTURES = os.path.join(ROOT, "Tests", "NeuralCoreTests", "Fixtures", "reference")
SHARED = os.path.join(FIXTURES, "losses-and-metrics.json")
OUTPUT = os.path.join(FIXTURES, "training-options.json")

torch.set_default_dtype(torch.float64)


def f32(a):
    """Round to float32 and back: every input is something the Float32 port can hold exactly."""
    return np.asarray(a, dtype=np.float32).astype(np.float64)


def arr(a):
    a = np.asarray(a, dtype=np.float64)
    return {"shape": list(a.shape), "values": [float(v) for v in a.reshape(-1)]}


# ---------------------------------------------------------------- label smoothing

def label_smoothing_cases(shared):
    inputs, cases = {}, []

    def shared_input(name):
        if name not in inputs:
            inputs[name] = shared["inputs"][name]
        v = shared["inputs"][name]
        return np.array(v["values"], dtype=np.float64).reshape(v["shape"])

    for prefix in ("rand_b7", "edge_b7"):
        x = shared_input(f"{prefix}/logits")
        z = shared_input(f"{prefix}/labels")
        w = shared_input(f"{prefix}/sample_weight")
        for s in (0.1, 0.2):
            # Keras: every reduction, with and without sample weights; the gradient of the default.
            for weighted in (False, True):
                for reduction in ("sum_over_batch_size", "sum", "none", "mean_with_sample_weight"):
                    loss = keras.losses.BinaryCrossentropy(from_logits=True, label_smoothing=s,
                                                           reduction=reduction, dtype="float64")
                    xt = tf.Variable(x, dtype=tf.float64)
                    with tf.GradientTape() as tape:
                        value = loss(tf.constant(z), xt, sample_weight=tf.constant(w) if weighted else None)
                        total = tf.reduce_sum(value)
                    grad = tape.gradient(total, xt).numpy()
                    cases.append({
                        "id": f"keras.BCE/{prefix}/s={s}/{reduction}/{'w' if weighted else 'nw'}",
                        "library": "keras", "logits": f"{prefix}/logits", "labels": f"{prefix}/labels",
                        "sample_weight": f"{prefix}/sample_weight" if weighted else None,
                        "smoothing": s, "pos_weight": None, "class_weight": None, "reduction": reduction,
                        "value": arr(value.numpy()), "gradient_of_sum": arr(grad)})
            # PyTorch BCEWithLogitsLoss on Keras-smoothed targets, with pos_weight and weight.
            smoothed = z * (1 - s) + 0.5 * s
            for pw_name, cw_name in ((None, None), ("pos_weight_vec5", None), ("pos_weight_vec5", "class_weight_vec5"),
                                     ("scalar:4", None)):
                pw = None
                if pw_name == "scalar:4":
                    pw = torch.tensor([4.0])
                elif pw_name:
                    pw = torch.tensor(shared_input(pw_name))
                cw = torch.tensor(shared_input(cw_name)) if cw_name else None
                for reduction in ("mean", "sum", "none"):
                    xt = torch.tensor(x, requires_grad=True)
                    value = torch.nn.BCEWithLogitsLoss(weight=cw, pos_weight=pw, reduction=reduction)(
                        xt, torch.tensor(smoothed))
                    value.sum().backward()
                    cases.append({
                        "id": f"torch.BCEWithLogitsLoss/{prefix}/s={s}/pw={pw_name}/cw={cw_name}/{reduction}",
                        "library": "torch", "logits": f"{prefix}/logits", "labels": f"{prefix}/labels",
                        "sample_weight": None, "smoothing": s,
                        "pos_weight": [4.0] if pw_name == "scalar:4" else (pw_name and shared_input(pw_name).tolist()),
                        "class_weight": cw_name and shared_input(cw_name).tolist(), "reduction": reduction,
                        "value": arr(value.detach().numpy()), "gradient_of_sum": arr(xt.grad.numpy())})
    return inputs, cases


# ---------------------------------------------------------------- schedules

def keras_values(schedule, steps):
    return [float(np.asarray(schedule(t))) for t in range(steps)]


def torch_values(make, base, steps):
    p = torch.nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([p], lr=base)
    sched = make(opt)
    out = []
    for _ in range(steps):
        out.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return out


def optax_values(schedule, steps):
    return [float(schedule(jnp.asarray(t))) for t in range(steps)]


def schedule_cases():
    cases = []

    def add(id_, library, spec, values, steps_checked=None):
        cases.append({"id": id_, "library": library, "schedule": spec, "values": values,
                      "steps_checked": steps_checked if steps_checked is not None else len(values)})

    base = 0.1
    # Step decay: rate·factor^floor(t / every).
    for every, factor in ((3, 0.5), (4, 0.1)):
        spec = {"base": base, "warmup_steps": 0, "warmup_start": 0.0,
                "decay": "step", "every": every, "factor": factor}
        n = 14
        add(f"optax.exponential_decay_staircase/every={every}/factor={factor}", "optax", spec,
            optax_values(optax.exponential_decay(base, every, factor, staircase=True), n))
        add(f"torch.StepLR/every={every}/factor={factor}", "torch", spec,
            torch_values(lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=every, gamma=factor), base, n))
        add(f"keras.ExponentialDecay_staircase/every={every}/factor={factor}", "keras", spec,
            keras_values(keras.optimizers.schedules.ExponentialDecay(base, every, factor, staircase=True), n))
    # Cosine decay to alpha·rate over T steps, then flat (optax, Keras); PyTorch's closed form
    # agrees up to T and then rises again (checked only for t <= T).
    for T, alpha in ((10, 0.0), (7, 0.1)):
        spec = {"base": base, "warmup_steps": 0, "warmup_start": 0.0, "decay": "cosine", "steps": T, "alpha": alpha}
        n = T + 5
        add(f"optax.cosine_decay_schedule/T={T}/alpha={alpha}", "optax", spec,
            optax_values(optax.cosine_decay_schedule(base, T, alpha=alpha), n))
        add(f"keras.CosineDecay/T={T}/alpha={alpha}", "keras", spec,
            keras_values(keras.optimizers.schedules.CosineDecay(base, T, alpha=alpha), n))
        add(f"torch.CosineAnnealingLR/T={T}/alpha={alpha}", "torch", spec,
            torch_values(lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=T, eta_min=alpha * base),
                         base, n), steps_checked=T + 1)
    # Linear warmup from start·rate to rate over W steps, then constant.
    for W, start in ((4, 0.0), (5, 0.25)):
        spec = {"base": base, "warmup_steps": W, "warmup_start": start, "decay": "constant"}
        n = W + 4
        add(f"optax.linear_schedule/W={W}/start={start}", "optax", spec,
            optax_values(optax.linear_schedule(start * base, base, W), n))
        if start > 0:   # LinearLR refuses start_factor 0
            add(f"torch.LinearLR/W={W}/start={start}", "torch", spec,
                torch_values(lambda o: torch.optim.lr_scheduler.LinearLR(o, start_factor=start, end_factor=1.0,
                                                                         total_iters=W), base, n))
    # Warmup, then cosine over T further steps (optax counts decay_steps from 0: W + T).
    for W, T, start, alpha in ((3, 8, 0.0, 0.0), (4, 6, 0.1, 0.2)):
        spec = {"base": base, "warmup_steps": W, "warmup_start": start, "decay": "cosine", "steps": T, "alpha": alpha}
        n = W + T + 4
        add(f"optax.warmup_cosine_decay_schedule/W={W}/T={T}/start={start}/alpha={alpha}", "optax", spec,
            optax_values(optax.warmup_cosine_decay_schedule(start * base, base, W, W + T, end_value=alpha * base), n))
        add(f"keras.CosineDecay_warmup/W={W}/T={T}/start={start}/alpha={alpha}", "keras", spec,
            keras_values(keras.optimizers.schedules.CosineDecay(start * base, T, alpha=alpha, warmup_target=base,
                                                                warmup_steps=W), n))
    # Warmup, then step decay (optax.join_schedules shifts the second schedule by W).
    W, every, factor, start = 3, 2, 0.5, 0.2
    spec = {"base": base, "warmup_steps": W, "warmup_start": start, "decay": "step", "every": every, "factor": factor}
    add(f"optax.join_schedules(linear,exponential_decay)/W={W}/every={every}", "optax", spec,
        optax_values(optax.join_schedules([optax.linear_schedule(start * base, base, W),
                                           optax.exponential_decay(base, every, factor, staircase=True)], [W]), 12))
    return cases


# ---------------------------------------------------------------- clipping

def clipping_cases():
    rng = np.random.default_rng(29)
    shapes = ([3, 4], [4], [2, 2, 2])
    cases = []
    for scale, max_norm in ((1.0, 100.0), (1.0, 1.0), (1.0, 0.25), (1e-3, 5e-4), (1e-3, 1.0), (2e-6, 1e-6)):
        grads = [f32(rng.normal(size=s) * scale) for s in shapes]
        # PyTorch clip_grad_norm_: coefficient max/(norm + 1e-6), clamped at 1.
        params = [torch.nn.Parameter(torch.zeros(g.shape)) for g in grads]
        for p, g in zip(params, grads):
            p.grad = torch.tensor(g)
        norm = torch.nn.utils.clip_grad_norm_(params, max_norm).item()
        torch_clipped = [p.grad.numpy().copy() for p in params]
        # optax clip_by_global_norm: max/norm when norm >= max, no epsilon.
        tx = optax.clip_by_global_norm(max_norm)
        updates, _ = tx.update([jnp.asarray(g) for g in grads], tx.init(None))
        optax_clipped = [np.asarray(u) for u in updates]
        cases.append({"id": f"clip/scale={scale}/max={max_norm}", "max_norm": max_norm, "norm": norm,
                      "gradients": [arr(g) for g in grads],
                      "torch_clip_grad_norm_": [arr(g) for g in torch_clipped],
                      "optax_clip_by_global_norm": [arr(g) for g in optax_clipped]})
    return cases


# ---------------------------------------------------------------- a few training steps

def training_cases():
    rng = np.random.default_rng(2912)
    n, d, c, batch, epochs = 12, 4, 3, 4, 3
    x = f32(rng.normal(size=(n, d)))
    y = (rng.uniform(size=(n, c)) < 0.4).astype(np.float64)
    kernel0 = f32(rng.normal(size=(d, c)) * 0.5)
    bias0 = f32(rng.normal(size=(c,)) * 0.1)
    steps = epochs * n // batch
    cases = []

    def torch_run(optimizer, schedule, clip):
        lin = torch.nn.Linear(d, c)
        with torch.no_grad():
            lin.weight.copy_(torch.tensor(kernel0.T))
            lin.bias.copy_(torch.tensor(bias0))
        params = list(lin.parameters())
        opt = optimizer(params)
        losses = []
        for t in range(steps):
            if schedule is not None:
                opt.param_groups[0]["lr"] = float(schedule(jnp.asarray(t)))
            s = (t * batch) % n
            xb, yb = torch.tensor(x[s:s + batch]), torch.tensor(y[s:s + batch])
            opt.zero_grad()
            loss = torch.nn.BCEWithLogitsLoss()(lin(xb), yb)
            loss.backward()
            if clip is not None:
                torch.nn.utils.clip_grad_norm_(params, clip)
            opt.step()
            losses.append(loss.item())
        return lin.weight.detach().numpy().T.copy(), lin.bias.detach().numpy().copy(), losses

    def optax_run(tx):
        params = {"kernel": jnp.asarray(kernel0), "bias": jnp.asarray(bias0)}
        state = tx.init(params)

        def loss_fn(p, xb, yb):
            return jnp.mean(optax.sigmoid_binary_cross_entropy(xb @ p["kernel"] + p["bias"], yb))

        losses = []
        for t in range(steps):
            s = (t * batch) % n
            value, g = jax.value_and_grad(loss_fn)(params, jnp.asarray(x[s:s + batch]), jnp.asarray(y[s:s + batch]))
            updates, state = tx.update(g, state, params)
            params = optax.apply_updates(params, updates)
            losses.append(float(value))
        return np.asarray(params["kernel"]), np.asarray(params["bias"]), losses

    warm_cos = {"base": 0.05, "warmup_steps": 3, "warmup_start": 0.0, "decay": "cosine", "steps": 6, "alpha": 0.1}
    warm_cos_fn = optax.warmup_cosine_decay_schedule(0.0, 0.05, 3, 9, end_value=0.005)
    step_sched = {"base": 0.5, "warmup_steps": 0, "warmup_start": 0.0, "decay": "step", "every": 3, "factor": 0.5}
    step_fn = optax.exponential_decay(0.5, 3, 0.5, staircase=True)
    runs = [
        ("torch.Adam/plain", "torch", {"kind": "adam", "lr": 0.05}, None, None, None,
         lambda: torch_run(lambda p: torch.optim.Adam(p, lr=0.05, eps=1e-8), None, None)),
        ("torch.Adam/warmup-cosine", "torch", {"kind": "adam", "lr": 0.05}, warm_cos, None, None,
         lambda: torch_run(lambda p: torch.optim.Adam(p, lr=0.05, eps=1e-8), warm_cos_fn, None)),
        ("torch.SGD_momentum/step", "torch", {"kind": "sgd", "lr": 0.5, "momentum": 0.9}, step_sched, None, None,
         lambda: torch_run(lambda p: torch.optim.SGD(p, lr=0.5, momentum=0.9), step_fn, None)),
        ("torch.Adam/warmup-cosine/clip_grad_norm_=0.2", "torch", {"kind": "adam", "lr": 0.05}, warm_cos, 0.2, "pytorch",
         lambda: torch_run(lambda p: torch.optim.Adam(p, lr=0.05, eps=1e-8), warm_cos_fn, 0.2)),
        ("torch.SGD_momentum/step/clip_grad_norm_=0.3", "torch", {"kind": "sgd", "lr": 0.5, "momentum": 0.9},
         step_sched, 0.3, "pytorch",
         lambda: torch_run(lambda p: torch.optim.SGD(p, lr=0.5, momentum=0.9), step_fn, 0.3)),
        ("optax.chain(clip_by_global_norm=0.2,adam(warmup-cosine))", "optax", {"kind": "adam", "lr": 0.05}, warm_cos,
         0.2, "none",
         lambda: optax_run(optax.chain(optax.clip_by_global_norm(0.2), optax.adam(warm_cos_fn, eps=1e-8)))),
    ]
    for id_, library, optimizer, schedule, clip, eps, run in runs:
        kernel, bias, losses = run()
        cases.append({"id": id_, "library": library, "optimizer": optimizer, "schedule": schedule,
                      "clip_norm": clip, "clip_epsilon": eps, "batch_size": batch, "steps": steps,
                      "final_kernel": arr(kernel), "final_bias": arr(bias), "step_losses": losses})
    data = {"x": arr(x), "y": arr(y), "kernel0": arr(kernel0), "bias0": arr(bias0)}
    return data, cases


# ---------------------------------------------------------------- batch norm

def batch_norm_cases():
    """PyTorch BatchNorm1d/2d (momentum 0.1, eps 1e-5): two training passes (output, input and
    affine gradients of sum(out * r), running statistics), then an eval pass. Images are
    stored NHWC (ours) and permuted to NCHW for torch."""
    rng = np.random.default_rng(2905)
    cases = []
    for name, shape in (("BatchNorm1d", (6, 4)), ("BatchNorm2d", (3, 4, 5, 2))):
        channels = shape[-1]
        bn = (torch.nn.BatchNorm1d if len(shape) == 2 else torch.nn.BatchNorm2d)(channels, momentum=0.1, eps=1e-5)
        gamma = f32(rng.uniform(0.5, 1.5, size=channels))
        beta = f32(rng.normal(size=channels) * 0.1)
        with torch.no_grad():
            bn.weight.copy_(torch.tensor(gamma))
            bn.bias.copy_(torch.tensor(beta))

        def nchw(a):
            return torch.tensor(a if a.ndim == 2 else a.transpose(0, 3, 1, 2))

        def nhwc(t):
            a = t.detach().numpy()
            return a if a.ndim == 2 else a.transpose(0, 2, 3, 1)

        passes = []
        bn.train()
        for k in range(2):
            x = f32(rng.normal(size=shape) * (1 + k) + 0.5 * k)
            r = f32(rng.normal(size=shape))
            xt = nchw(x).requires_grad_(True)
            bn.zero_grad()
            out = bn(xt)
            (out * nchw(r)).sum().backward()
            passes.append({"x": arr(x), "r": arr(r), "output": arr(nhwc(out)), "input_gradient": arr(nhwc(xt.grad)),
                           "gamma_gradient": arr(bn.weight.grad.numpy()), "beta_gradient": arr(bn.bias.grad.numpy()),
                           "running_mean": arr(bn.running_mean.numpy()), "running_var": arr(bn.running_var.numpy())})
        bn.eval()
        x = f32(rng.normal(size=shape))
        with torch.no_grad():
            out = bn(nchw(x))
        cases.append({"id": f"torch.{name}/{'x'.join(map(str, shape))}", "shape": list(shape),
                      "gamma": arr(gamma), "beta": arr(beta), "training": passes,
                      "eval": {"x": arr(x), "output": arr(nhwc(out))}})
    return cases


# ---------------------------------------------------------------- early stopping

def early_stopping_cases():
    sequences = [
        ("falls-then-rises", [1.0, 0.8, 0.7, 0.72, 0.75, 0.71, 0.9, 0.6], 2, 0.0, None),
        ("ties-keep-the-first", [1.0, 0.9, 0.9, 0.9, 0.95, 0.9], 2, 0.0, None),
        ("min-delta", [1.0, 0.97, 0.95, 0.94, 0.93, 0.92, 0.80], 2, 0.05, None),
        ("min-delta-exactly", [1.0, 0.75, 0.5, 0.25, 0.25], 1, 0.25, None),
        ("patience-0", [1.0, 0.9, 0.95, 0.5], 0, 0.0, None),
        ("never-stops-restores-best", [1.0, 0.6, 0.7, 0.65, 0.8], 10, 0.0, None),
        ("last-is-best", [1.0, 0.9, 0.8, 0.7], 1, 0.0, None),
        ("baseline-not-beaten", [0.8, 0.7, 0.7, 0.7, 0.6], 2, 0.0, 0.5),
        ("baseline-beaten", [0.8, 0.4, 0.45, 0.42, 0.41, 0.5], 2, 0.0, 0.5),
        ("float32-tie", [0.5, 0.5 - 1e-9, 0.5 - 2e-9, 0.4], 1, 0.0, None),
        ("first-epoch-only", [0.3], 0, 0.0, None),
    ]
    cases = []
    for name, losses, patience, min_delta, baseline in sequences:
        model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1, use_bias=False)])
        cb = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, min_delta=min_delta,
                                           baseline=baseline, restore_best_weights=True)
        cb.set_model(model)
        model.stop_training = False
        cb.on_train_begin()
        epochs_run = 0
        for epoch, v in enumerate(losses):
            model.set_weights([np.array([[float(epoch + 1)]])])   # the weights name their epoch (1-based)
            epochs_run = epoch + 1
            cb.on_epoch_end(epoch, {"val_loss": v})
            if model.stop_training:
                break
        cb.on_train_end()
        restored = int(round(float(model.get_weights()[0][0, 0])))
        cases.append({"id": f"keras.EarlyStopping/{name}", "val_loss": losses, "patience": patience,
                      "min_delta": min_delta, "baseline": baseline,
                      "epochs_run": epochs_run, "stopped": bool(model.stop_training),
                      "restored_epoch": restored, "best_epoch": cb.best_epoch + 1})
    return cases


def main():
    with open(SHARED) as f:
        shared = json.load(f)
    ls_inputs, ls_cases = label_smoothing_cases(shared)
    train_data, train_cases = training_cases()
    out = {
        "note": "Reference values for NeuralCore's training options, computed by the libraries that define "
                "them (scripts/reference/training_options.py). float64 throughout; arrays are {shape, values}, "
                "row-major. Schedules list the rate used by optimizer steps 0, 1, 2, ... See README.md.",
        "versions": {
            "python": platform.python_version(), "numpy": np.__version__, "tensorflow": tf.__version__,
            "keras": keras.__version__, "keras_backend": keras.backend.backend(), "torch": torch.__version__,
            "jax": jax.__version__, "optax": optax.__version__,
        },
        "label_smoothing": {"inputs": ls_inputs, "cases": ls_cases},
        "schedules": schedule_cases(),
        "clipping": clipping_cases(),
        "training": {"data": train_data, "cases": train_cases},
        "early_stopping": early_stopping_cases(),
        "batch_norm": batch_norm_cases(),
    }
    with open(OUTPUT, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"wrote {os.path.relpath(OUTPUT, ROOT)}: {len(ls_cases)} label-smoothing, {len(out['schedules'])} schedule, "
          f"{len(out['clipping'])} clipping, {len(train_cases)} training, {len(out['early_stopping'])} early-stopping cases")


if __name__ == "__main__":
    sys.exit(main())
