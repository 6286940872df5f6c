#!/usr/bin/env python3
"""Peer column "numpy": the seed blog post's NumPy listings, run as printed.

Timing:  numpy_blog.py --workload 1d|wgan --epochs N --repeats R [--warmup W]
         prints one JSON line per repeat: {"peer":"numpy","workload":"1d","epochsPerSec":...}
         (cpuEpochsPerSec: per CPU-second of this process, steadier on a shared machine)
Quality: numpy_blog.py --quality [--seed S]
         runs the blog's 1D listing (2001 epochs) and train_wgan_2d (3000 epochs) and
         prints what the printed code really produces (1D "log": the listing's own
         print every 500 epochs as [epoch, G mean, G std, D loss], 1000 samples).

BLAS is forced to one thread (set before numpy is imported) so the comparison with the
single-threaded wasm engine is fair. If this interpreter has no numpy, the script
re-executes itself with /usr/bin/python3 (Debian's python3-numpy); if none works it
prints a {"peer":"numpy","skipped":...} line and exits 0.
"""
import os
import sys

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
           "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_v] = "1"

import json
import time


def emit(obj):
    print(json.dumps(obj, separators=(",", ":")), flush=True)


try:
    import numpy as np
except ImportError:
    for cand in ("/usr/bin/python3", "/usr/local/bin/python3"):
        if (os.path.exists(cand) and os.path.realpath(cand) != os.path.realpath(sys.executable)
                and not os.environ.get("NUMPY_BLOG_REEXEC")):
            os.environ["NUMPY_BLOG_REEXEC"] = "1"
            os.execv(cand, [cand] + sys.argv)
    emit({"peer": "numpy", "skipped": "numpy not importable by %s or /usr/bin/python3" % sys.executable})
    sys.exit(0)


# ---------------------------------------------------------------- the blog's code
class Generator:
    """Maps random noise z to data space through a 2-layer MLP."""
    def __init__(self, noise_dim=1, hidden_dim=64, output_dim=1):
        self.W1 = np.random.randn(noise_dim, hidden_dim) * np.sqrt(2.0 / noise_dim)
        self.b1 = np.zeros(hidden_dim)
        self.W2 = np.random.randn(hidden_dim, output_dim) * np.sqrt(2.0 / hidden_dim)
        self.b2 = np.zeros(output_dim)

    def forward(self, z):
        self.z = z
        self.h = np.maximum(0, z @ self.W1 + self.b1)
        self.out = self.h @ self.W2 + self.b2
        return self.out

    def backward(self, grad_out, lr=0.001):
        grad_W2 = self.h.T @ grad_out
        grad_b2 = grad_out.sum(axis=0)
        grad_h = grad_out @ self.W2.T
        grad_h = grad_h * (self.h > 0)
        grad_W1 = self.z.T @ grad_h
        grad_b1 = grad_h.sum(axis=0)
        self.W2 -= lr * grad_W2 / len(grad_out)
        self.b2 -= lr * grad_b2 / len(grad_out)
        self.W1 -= lr * grad_W1 / len(grad_out)
        self.b1 -= lr * grad_b1 / len(grad_out)


class Discriminator:
    """Classifies samples as real (1) or fake (0) via a 2-layer MLP."""
    def __init__(self, input_dim=1, hidden_dim=64):
        self.W1 = np.random.randn(input_dim, hidden_dim) * np.sqrt(2.0 / input_dim)
        self.b1 = np.zeros(hidden_dim)
        self.W2 = np.random.randn(hidden_dim, 1) * np.sqrt(2.0 / hidden_dim)
        self.b2 = np.zeros(1)

    def forward(self, x):
        self.x = x
        self.h = np.maximum(0, x @ self.W1 + self.b1)
        logit = self.h @ self.W2 + self.b2
        self.prob = 1.0 / (1.0 + np.exp(-np.clip(logit, -20, 20)))
        return self.prob

    def backward(self, grad_prob, lr=0.001):
        grad_logit = grad_prob * self.prob * (1.0 - self.prob)
        grad_W2 = self.h.T @ grad_logit
        grad_b2 = grad_logit.sum(axis=0)
        grad_h = grad_logit @ self.W2.T
        grad_h = grad_h * (self.h > 0)
        grad_W1 = self.x.T @ grad_h
        grad_b1 = grad_h.sum(axis=0)
        self.W2 -= lr * grad_W2 / len(grad_prob)
        self.b2 -= lr * grad_b2 / len(grad_prob)
        self.W1 -= lr * grad_W1 / len(grad_prob)
        self.b1 -= lr * grad_b1 / len(grad_prob)
        grad_x = grad_h @ self.W1.T
        return grad_x


def discriminator_loss(d_real, d_fake):
    eps = 1e-8
    loss_real = -np.mean(np.log(d_real + eps))
    loss_fake = -np.mean(np.log(1 - d_fake + eps))
    grad_real = -1.0 / (d_real + eps)
    grad_fake = 1.0 / (1 - d_fake + eps)
    return loss_real + loss_fake, grad_real, grad_fake


def generator_loss_nonsaturating(d_fake):
    eps = 1e-8
    loss = -np.mean(np.log(d_fake + eps))
    grad = -1.0 / (d_fake + eps)
    return loss, grad


class WassersteinCritic:
    """WGAN critic: outputs unbounded score, no sigmoid."""
    def __init__(self, input_dim=2, hidden_dim=64):
        self.W1 = np.random.randn(input_dim, hidden_dim) * np.sqrt(2.0 / input_dim)
        self.b1 = np.zeros(hidden_dim)
        self.W2 = np.random.randn(hidden_dim, 1) * np.sqrt(2.0 / hidden_dim)
        self.b2 = np.zeros(1)

    def forward(self, x):
        self.x = x
        self.h = np.maximum(0, x @ self.W1 + self.b1)
        self.score = self.h @ self.W2 + self.b2
        return self.score

    def backward(self, grad_score, lr=0.0001):
        grad_W2 = self.h.T @ grad_score
        grad_b2 = grad_score.sum(axis=0)
        grad_h = grad_score @ self.W2.T
        grad_h = grad_h * (self.h > 0)
        grad_W1 = self.x.T @ grad_h
        grad_b1 = grad_h.sum(axis=0)
        self.W2 -= lr * grad_W2 / len(grad_score)
        self.b2 -= lr * grad_b2 / len(grad_score)
        self.W1 -= lr * grad_W1 / len(grad_score)
        self.b1 -= lr * grad_b1 / len(grad_score)
        return grad_h @ self.W1.T

    def clip_weights(self, clip_value=0.01):
        self.W1 = np.clip(self.W1, -clip_value, clip_value)
        self.W2 = np.clip(self.W2, -clip_value, clip_value)


def wasserstein_loss(critic_real, critic_fake):
    w_distance = np.mean(critic_real) - np.mean(critic_fake)
    grad_real = np.ones_like(critic_real)
    grad_fake = -np.ones_like(critic_fake)
    return w_distance, grad_real, grad_fake


def ring_centers(radius=2.0):
    centers = []
    for i in range(8):
        angle = 2 * np.pi * i / 8
        centers.append([radius * np.cos(angle), radius * np.sin(angle)])
    return np.array(centers)


def sample_8_gaussians(n, radius=2.0, std=0.05):
    centers = ring_centers(radius)
    indices = np.random.randint(0, 8, size=n)
    samples = centers[indices] + np.random.randn(n, 2) * std
    return samples, indices


# ---------------------------------------------------------------- one epoch of each listing
TARGET_MEAN, TARGET_STD, BATCH = 3.0, 0.5, 256
D_LR, G_LR = 0.002, 0.001


def epoch_1d(G, D):
    """The body of the blog's `for epoch in range(2001):` loop (minus its print)."""
    real_data = np.random.randn(BATCH, 1) * TARGET_STD + TARGET_MEAN
    noise = np.random.randn(BATCH, 1)
    fake_data = G.forward(noise)

    d_real = D.forward(real_data)
    d_loss_r, grad_r, _ = discriminator_loss(d_real, np.zeros_like(d_real))
    D.backward(grad_r, lr=D_LR)

    d_fake = D.forward(fake_data)
    d_loss_f, _, grad_f = discriminator_loss(np.ones_like(d_fake), d_fake)
    D.backward(grad_f, lr=D_LR)

    noise = np.random.randn(BATCH, 1)
    fake_data = G.forward(noise)
    d_fake = D.forward(fake_data)
    g_loss, g_grad = generator_loss_nonsaturating(d_fake)
    grad_fake_data = D.backward(g_grad, lr=0)
    G.backward(grad_fake_data, lr=G_LR)
    return d_loss_r + d_loss_f


def epoch_wgan(G, C, n_critic=5):
    """The body of train_wgan_2d's epoch loop (minus its history snapshot)."""
    for _ in range(n_critic):
        real, _ = sample_8_gaussians(BATCH)
        noise = np.random.randn(BATCH, 2)
        fake = G.forward(noise)
        c_real = C.forward(real)
        c_fake = C.forward(fake)
        w_dist, grad_r, grad_f = wasserstein_loss(c_real, c_fake)
        C.backward(-grad_f, lr=0.0002)
        C.forward(real)
        C.backward(-grad_r, lr=0.0002)
        C.clip_weights(0.01)
    noise = np.random.randn(BATCH, 2)
    fake = G.forward(noise)
    c_fake = C.forward(fake)
    grad_g = -np.ones_like(c_fake)
    grad_input = C.backward(grad_g, lr=0)
    G.backward(grad_input, lr=0.0001)
    return w_dist


def make_nets(workload):
    if workload == "1d":
        return Generator(1, 64, 1), Discriminator(1, 64), epoch_1d
    return Generator(2, 128, 2), WassersteinCritic(2, 128), epoch_wgan


# ---------------------------------------------------------------- modes
def run_timing(workload, epochs, repeats, warmup, seed):
    np.random.seed(seed)
    G, D, step = make_nets(workload)
    for _ in range(warmup):
        step(G, D)
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in range(epochs):
            step(G, D)
        dt, dc = time.perf_counter() - t0, time.process_time() - c0
        emit({"peer": "numpy", "workload": workload, "epochsPerSec": round(epochs / dt, 2),
              "cpuEpochsPerSec": round(epochs / dc, 2), "epochs": epochs})


def run_quality(seed):
    np.random.seed(seed)
    G, D, _ = make_nets("1d")
    log = []
    for epoch in range(2001):
        d_loss = epoch_1d(G, D)
        if epoch % 500 == 0:  # the listing's own print: 1000 samples
            s = G.forward(np.random.randn(1000, 1))
            log.append([epoch, round(float(s.mean()), 3), round(float(s.std()), 3), round(float(d_loss), 3)])
    emit({"peer": "numpy", "quality": "1d", "seed": seed, "epochs": 2001, "gMean": log[-1][1],
          "gStd": log[-1][2], "dLoss": log[-1][3], "log": log})

    np.random.seed(seed)
    G, C, _ = make_nets("wgan")
    for epoch in range(3000):
        w = epoch_wgan(G, C)
    s = G.forward(np.random.randn(2500, 2))
    centers = ring_centers()
    dist = np.linalg.norm(s[:, None, :] - centers[None, :, :], axis=2)
    nearest, dmin = dist.argmin(axis=1), dist.min(axis=1)
    hq = dmin <= 3 * 0.05
    emit({"peer": "numpy", "quality": "wgan", "seed": seed, "epochs": 3000,
          "gMean": [round(float(v), 3) for v in s.mean(axis=0)],
          "gStd": [round(float(v), 3) for v in s.std(axis=0)],
          "modes": int(len(np.unique(nearest[hq]))),
          "highQualityShare": round(float(hq.mean()), 4),
          "wDist": round(float(w), 5)})


def main():
    import argparse
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--workload", choices=["1d", "wgan"], default="1d")
    p.add_argument("--epochs", type=int, default=300)
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--warmup", type=int, default=None, help="default 100 (1d) / 20 (wgan) epochs")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--quality", action="store_true")
    a = p.parse_args()
    if a.quality:
        run_quality(a.seed)
    else:
        warmup = a.warmup if a.warmup is not None else (20 if a.workload == "wgan" else 100)
        run_timing(a.workload, a.epochs, a.repeats, warmup, a.seed)


if __name__ == "__main__":
    main()
