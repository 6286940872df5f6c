// Benchmark workloads: the blog's per-epoch work exactly as listed (issue 6),
// shared by `gan bench` (native) and the wasm module (npm run bench), so both
// columns time the same thing. Also the FLOPs an epoch costs and a large
// matrix multiply in the same kernels, for "how near the machine's limit".
//
//   gan::Config c = gan::workload_config("wgan");
//   double flops = gan::flops_per_epoch(c);
//   double gflops = gan::matmul_gflops(512, 5);
#pragma once

#include <string>
#include <vector>

#include "gan/config.hpp"

namespace gan {

// "1d": batch 256, 1-64-1 nets, D step on real, D step on fake, G step (non-saturating), SGD 0.002/0.001.
// "wgan": batch 256, G 2-128-2, critic 2-128-1, 5 x (critic step on real and fake, SGD 0.0002, clip 0.01),
//         then a G step (SGD 0.0001), on the blog's ring.
std::vector<std::string> workload_names();
Config workload_config(const std::string& name);  // throws std::invalid_argument on an unknown name

// Floating-point operations of one epoch: 2 per multiply-add of every dense pass it runs.
double flops_per_epoch(const Config& c);

// Seconds per epoch over `epochs` epochs of a fresh run (after `warmup` epochs).
double seconds_per_epoch(const Config& c, int warmup, int epochs);

// GFLOP/s of Y = X W (n x n times n x n) in the engine's own dense kernel.
double matmul_gflops(int n, int repeats);

}  // namespace gan
