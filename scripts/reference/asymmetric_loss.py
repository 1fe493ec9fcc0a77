#!/usr/bin/env python3
"""Reference values for NeuralCore's asymmetric loss (ASL).

Formula: Ridnik et al., "Asymmetric Loss For Multi-Label Classification", ICCV 2021, as the
authors' code defines it (Alibaba-MIIL/ASL, src/loss_functions/losses.py, class
AsymmetricLoss(gamma_neg=4, gamma_pos=1, clip=0.05, eps=1e-8)). `official` below transcribes
its forward pass in numpy float64, in the same order of operations; the fixture's values
come from it. A second, cancellation-free evaluation (`stable`) must agree with it, the
gradient d(sum)/d(logits) is written analytically and checked against central finite
differences, and with gamma_pos = gamma_neg = clip = 0 the loss must be the shared
reference's plain BCE clamped at -log(eps).

Reads  Tests/NeuralCoreTests/Fixtures/reference/losses-and-metrics.json (the shared reference, copied)
Writes Tests/NeuralCoreTests/Fixtures/asymmetric-loss.json

    python3 scripts/reference/asymmetric_loss.py
"""

import json
import os
import sys

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
REFERENCE = os.path.join(ROOT, "Tests", "NeuralCoreTests", "Fixtures", "reference", "losses-and-metrics.json")
OUTPUT = os.path.join(ROOT, "Tests", "NeuralCoreTests", "Fixtures", "asymmetric-loss.json")

EPS = 1e-8
INPUT_SETS = ("rand_b7", "edge_b7")
# (gamma_pos, gamma_neg, clip): the authors' default, no positive focusing, and plain BCE.
PARAMETERS = ((1.0, 4.0, 0.05), (0.0, 4.0, 0.05), (0.0, 0.0, 0.0))
FD_STEP = 1e-3   # no logit lies within 2 steps of a kink (p = clip or p = eps)


def official(x, y, gamma_pos, gamma_neg, clip):
    """Elementwise loss, the authors' forward before its final `-loss.sum()`."""
    x_sigmoid = 1.0 / (1.0 + np.exp(-x))
    xs_pos = x_sigmoid
    xs_neg = 1.0 - x_sigmoid
    if clip is not None and clip > 0:
        xs_neg = np.minimum(xs_neg + clip, 1.0)
    los_pos = y * np.log(np.maximum(xs_pos, EPS))
    los_neg = (1.0 - y) * np.log(np.maximum(xs_neg, EPS))
    loss = los_pos + los_neg
    if gamma_neg > 0 or gamma_pos > 0:
        pt = xs_pos * y + xs_neg * (1.0 - y)
        one_sided_gamma = gamma_pos * y + gamma_neg * (1.0 - y)
        loss = loss * np.power(1.0 - pt, one_sided_gamma)
    return -loss


def probabilities(x):
    """sigma(x), sigma(-x) and log sigma(x), without cancellation."""
    e = np.exp(-np.abs(x))
    r = 1.0 / (1.0 + e)
    p = np.where(x >= 0, r, e * r)
    q = np.where(x >= 0, e * r, r)
    return p, q, -(np.maximum(-x, 0.0) + np.log1p(e))


def stable(x, y, gamma_pos, gamma_neg, clip):
    """The same loss from sigma(-x) and log sigma(x): no 1 - sigma(x)."""
    p, q, log_p = probabilities(x)
    positive = -np.maximum(log_p, np.log(EPS)) * q ** gamma_pos
    m = p - clip                                   # 1 - p_m
    pm = np.where(m > 0.5, q + clip, 1.0 - np.maximum(m, 0.0))
    log_pm = np.where(m > 0.5, np.log(pm), np.log1p(-np.maximum(m, 0.0)))
    negative = np.where(m > 0, -np.maximum(log_pm, np.log(EPS)) * np.maximum(m, 0.0) ** gamma_neg, 0.0)
    return y * positive + (1.0 - y) * negative


def gradient(x, y, gamma_pos, gamma_neg, clip):
    """d loss_cell / d x, the true derivative (focusing weight included; clamps constant)."""
    p, q, log_p = probabilities(x)
    clamped = p < EPS
    lp = np.where(clamped, np.log(EPS), log_p)
    w = q ** gamma_pos
    d_pos = np.where(clamped, 0.0, -q * w) + gamma_pos * p * lp * w
    m = p - clip
    mm = np.maximum(m, 1e-300)
    pm = np.where(m > 0.5, q + clip, 1.0 - np.maximum(m, 0.0))
    clamped_neg = pm < EPS
    lpm = np.where(clamped_neg, np.log(EPS), np.where(m > 0.5, np.log(pm), np.log1p(-np.maximum(m, 0.0))))
    wn = mm ** gamma_neg
    d_neg = np.where(clamped_neg, 0.0, p * q / pm * wn)
    if gamma_neg != 0:
        d_neg = d_neg - lpm * gamma_neg * mm ** (gamma_neg - 1.0) * p * q
    d_neg = np.where(m > 0, d_neg, 0.0)
    return y * d_pos + (1.0 - y) * d_neg


def relative(a, b, floor):
    """max |a - b| / |b| over the cells with |b| >= floor."""
    mask = np.abs(b) >= floor
    return float(np.max(np.abs(a - b)[mask] / np.abs(b)[mask])) if mask.any() else 0.0


def main():
    np.seterr(divide="ignore", invalid="ignore")   # log1p(-1) in branches np.where discards
    with open(REFERENCE) as f:
        ref = json.load(f)
    inputs = {}
    for s in INPUT_SETS:
        for role in ("logits", "labels"):
            inputs[f"{s}/{role}"] = ref["inputs"][f"{s}/{role}"]
    cases_by_id = {c["id"]: c for c in ref["cases"]}

    cases, checks = [], {"stable_vs_official_max_relative": 0.0, "relative_over": "cells with |value| >= 1e-12", "finite_difference": {}, "bce": {}}
    worst_fd_rel, worst_fd_abs = 0.0, 0.0
    for s in INPUT_SETS:
        shape = inputs[f"{s}/logits"]["shape"]
        x = np.array(inputs[f"{s}/logits"]["values"], dtype=np.float64).reshape(shape)
        y = np.array(inputs[f"{s}/labels"]["values"], dtype=np.float64).reshape(shape)
        for gp, gn, clip in PARAMETERS:
            values = official(x, y, gp, gn, clip)
            again = stable(x, y, gp, gn, clip)
            agree = relative(values, again, 1e-12)
            checks["stable_vs_official_max_relative"] = max(checks["stable_vs_official_max_relative"], agree)
            if not np.allclose(values, again, rtol=1e-9, atol=1e-12):
                sys.exit(f"{s} {gp, gn, clip}: stable and official forms disagree by {agree:.3g}")

            g = gradient(x, y, gp, gn, clip)
            f = lambda k: stable(x + k * FD_STEP, y, gp, gn, clip)
            numeric = (f(-2) - 8 * f(-1) + 8 * f(1) - f(2)) / (12 * FD_STEP)
            worst_fd_rel = max(worst_fd_rel, relative(g, numeric, 1e-6))
            worst_fd_abs = max(worst_fd_abs, float(np.max(np.abs(g - numeric))))
            if not np.allclose(g, numeric, rtol=1e-6, atol=1e-9):
                sys.exit(f"{s} {gp, gn, clip}: gradient disagrees with finite differences")

            if (gp, gn, clip) == (0.0, 0.0, 0.0):
                bce_id = f"torch.BCEWithLogitsLoss/{s}/pw=none/w=none/none/float64"
                bce = np.array(cases_by_id[bce_id]["output"]["values"]).reshape(shape)
                expected = np.minimum(bce, -np.log(EPS))   # -log(max(p, eps)) = min(-log p, -log eps)
                clamped = int(np.sum(bce > -np.log(EPS)))
                rel = relative(values, expected, 1e-12)
                if not np.allclose(values, expected, rtol=1e-9, atol=1e-12):
                    sys.exit(f"{s}: ASL(0, 0, 0) is not BCE clamped at -log(eps) (max rel {rel:.3g})")
                checks["bce"][s] = {"case": bce_id, "clamped_cells": clamped, "max_relative": rel}

            cases.append({
                "id": f"asl/{s}/gp={gp:g},gn={gn:g},clip={clip:g}",
                "arrays": {"logits": f"{s}/logits", "labels": f"{s}/labels"},
                "scalars": {"gamma_pos": gp, "gamma_neg": gn, "clip": clip, "eps": EPS},
                "none": {"shape": shape, "values": values.ravel().tolist()},
                "official_sum": {"shape": [], "values": [float(-(-values).sum())]},
                "gradient_of_sum": {"shape": shape, "values": g.ravel().tolist()},
            })
    checks["finite_difference"] = {
        "method": f"five-point central differences of the stable form, step {FD_STEP:g}, float64",
        "max_relative": worst_fd_rel, "relative_over": "cells with |numeric| >= 1e-6",
        "max_absolute": worst_fd_abs,
    }

    out = {
        "note": "Asymmetric loss reference values; written by scripts/reference/asymmetric_loss.py, do not edit.",
        "formula": {
            "paper": "Ridnik et al., Asymmetric Loss For Multi-Label Classification, ICCV 2021 (arXiv:2009.14119)",
            "code": "Alibaba-MIIL/ASL src/loss_functions/losses.py, class AsymmetricLoss",
            "cell": "p = sigmoid(x); p_m = min(1 - p + clip, 1); "
                    "l = -[z*log(max(p, eps))*(1 - p)^gamma_pos + (1 - z)*log(max(p_m, eps))*(1 - p_m)^gamma_neg]",
            "none": "the elementwise l (B x C), the official forward before its sum",
            "official_sum": "the official forward's -loss.sum(): the sum of l over batch and labels",
            "gradient_of_sum": "d official_sum / d logits: the true derivative, focusing weight included, "
                               "clamped factors constant",
        },
        "versions": {"numpy": np.__version__, "python": sys.version.split()[0]},
        "inputs_from": "shared/reference/losses-and-metrics.json (copied unchanged)",
        "inputs": inputs,
        "cases": cases,
        "checks": checks,
    }
    os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
    with open(OUTPUT, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"wrote {os.path.relpath(OUTPUT, ROOT)}: {len(cases)} cases")
    print(json.dumps(checks, indent=1))


if __name__ == "__main__":
    main()
