// kernels: the dense-layer loops every network runs, written once with
// 4-lane vector types (GCC/Clang vector extensions). The same source becomes
// SSE natively and wasm SIMD128 under -msimd128, with the same operation
// order, so native and WebAssembly results are bit-identical.
//
// Shapes (row-major): N = batch, I = in features, O = out features.
//   X: N x I, W: I x O, b: O, Y: N x O.
#pragma once

namespace gan::kernels {

// A rectifier fused into the passes below: y > 0 ? y : slope * y (ReLU: slope 0).
struct Rectifier {
    bool on = false;
    float slope = 0.0f;
};

// Y = X W + b, rectified when r.on.
void dense_forward(const float* X, const float* W, const float* b, float* Y, int N, int I, int O, Rectifier r = {});

// dW += X^T dY, db += column sums of dY.
void dense_backward_params(const float* X, const float* dY, float* dW, float* db, int N, int I, int O);

// dX = dY W^T; when A (N x I, the rectifier's outputs at this layer's input) is given,
// dX is also masked by the rectifier's derivative: A > 0 ? dX : slope * dX.
void dense_backward_input(const float* dY, const float* W, float* dX, int N, int I, int O,
                          const float* A = nullptr, Rectifier r = {});

// y += a * x over n values.
void axpy(float a, const float* x, float* y, int n);

// Sum of x[i] * y[i], accumulated in 4 lanes then lanes (0+1)+(2+3), then the tail.
float dot(const float* x, const float* y, int n);

}  // namespace gan::kernels
