// Model files: the exact round trip (bytes -> trainer -> bytes, same generated
// points), the documented layout, and rejection of truncated, corrupt and
// mismatched files without changing the trainer.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "gan/model_io.hpp"
#include "gan/presets.hpp"
#include "gan/trainer.hpp"

namespace {

using Bytes = std::vector<std::uint8_t>;

std::vector<std::string> snapshot(const gan::Config& c) {
    std::vector<std::string> s{c.preset};
    for (const auto& f : gan::config_fields()) s.push_back(std::string(f.name) + "=" + gan::get_field(c, f));
    return s;
}

std::vector<float> latents(int n, int dim, std::uint64_t seed) {
    gan::Rng rng(seed);
    std::vector<float> z(static_cast<std::size_t>(n) * dim);
    for (auto& v : z) v = static_cast<float>(rng.normal());
    return z;
}

gan::Trainer trained(const std::string& preset, int epochs, std::uint64_t seed = 3,
                     std::vector<std::pair<std::string, std::string>> overrides = {}) {
    gan::Config c = gan::preset_config(preset);
    c.seed = static_cast<double>(seed);
    for (const auto& [k, v] : overrides) gan::set_field(c, k, v);
    gan::Trainer t(c);
    t.step(epochs);
    return t;
}

std::uint32_t u32_at(const Bytes& b, std::size_t at) {
    return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (std::uint32_t(b[at + 3]) << 24);
}

void expect_round_trip(gan::Trainer& a, int label) {
    const Bytes bytes = a.save_generator();
    const gan::Model m = gan::decode_model(bytes);
    EXPECT_EQ(snapshot(m.config), snapshot(a.config()));
    gan::Trainer b(m.config);  // a fresh run shaped by the file's config ...
    const auto z = latents(300, a.noise_dim(), 77);
    EXPECT_NE(b.generate(z, label), a.generate(z, label));  // ... generates differently until loaded
    b.load_generator(bytes);
    EXPECT_EQ(b.save_generator(), bytes);                    // bytes -> trainer -> bytes: identical
    EXPECT_EQ(b.generate(z, label), a.generate(z, label));   // and identical generated points
    EXPECT_EQ(m.params.size() * 4 + 4, bytes.size() - (12 + u32_at(bytes, 8)));
}

TEST(ModelIo, RoundTripIsExact) {
    gan::Trainer blog = trained("blog-1d", 30);
    expect_round_trip(blog, -1);
    gan::Trainer ring = trained("ring-wgan-gp", 3);
    expect_round_trip(ring, -1);
}

TEST(ModelIo, RoundTripConditionalAndAveragedGenerators) {
    gan::Trainer cgan = trained("ring-cgan", 10);
    expect_round_trip(cgan, 5);
    // With weight averaging the file holds the averaged weights, which sample() uses.
    gan::Trainer ema = trained("blog-1d", 20, 4, {{"gEma", "0.9"}});
    expect_round_trip(ema, -1);
}

TEST(ModelIo, EncodeDecodeKeepsEveryBit) {
    gan::Config c = gan::preset_config("walker");
    c.gLr = 0.1 + 0.2;
    const std::vector<float> params = {0.0f, -0.0f, 1.0f / 3, std::numeric_limits<float>::denorm_min(),
                                       std::numeric_limits<float>::max(), -std::numeric_limits<float>::infinity(),
                                       std::numeric_limits<float>::quiet_NaN(), 1e-30f};
    const Bytes bytes = gan::encode_model(c, params);
    const gan::Model m = gan::decode_model(bytes);
    ASSERT_EQ(m.params.size(), params.size());
    EXPECT_EQ(std::memcmp(m.params.data(), params.data(), params.size() * 4), 0);
    EXPECT_EQ(snapshot(m.config), snapshot(c));
    EXPECT_EQ(m.config.gLr, 0.1 + 0.2);
    EXPECT_EQ(gan::encode_model(m.config, m.params), bytes);
}

TEST(ModelIo, LayoutIsTheDocumentedOne) {
    gan::Config c = gan::preset_config("blog-1d");
    const std::vector<float> params = {1.0f, -2.0f};
    const Bytes b = gan::encode_model(c, params);
    ASSERT_GE(b.size(), 16u);
    EXPECT_EQ(std::string(b.begin(), b.begin() + 4), "GANM");
    EXPECT_EQ(u32_at(b, 4), 1u);  // version, little-endian
    const std::uint32_t text = u32_at(b, 8);
    const std::string config_text(b.begin() + 12, b.begin() + 12 + text);
    EXPECT_EQ(config_text.rfind("preset=blog-1d\n", 0), 0u) << config_text;
    EXPECT_NE(config_text.find("\ngWidth=64\n"), std::string::npos);
    EXPECT_EQ(u32_at(b, 12 + text), 2u);  // weight count
    ASSERT_EQ(b.size(), 12 + text + 4 + 8);
    float w[2];
    std::memcpy(w, &b[16 + text], 8);
    EXPECT_EQ(w[0], 1.0f);
    EXPECT_EQ(w[1], -2.0f);
    EXPECT_EQ(b[16 + text + 7], 0xc0);  // -2.0f = 0xc0000000: little-endian, sign byte last
}

TEST(ModelIo, EveryTruncationThrows) {
    gan::Trainer t = trained("blog-1d", 2);
    const Bytes bytes = t.save_generator();
    for (std::size_t len = 0; len < bytes.size(); ++len) {
        const Bytes cut(bytes.begin(), bytes.begin() + len);
        EXPECT_THROW(gan::decode_model(cut), std::invalid_argument) << "length " << len;
    }
    Bytes longer = bytes;
    longer.push_back(0);  // trailing garbage is rejected too
    EXPECT_THROW(gan::decode_model(longer), std::invalid_argument);
}

TEST(ModelIo, CorruptBytesThrowWithAReason) {
    gan::Trainer t = trained("blog-1d", 2);
    const Bytes good = t.save_generator();
    const std::uint32_t text = u32_at(good, 8);
    auto expect_reject = [](const Bytes& b, const char* needle, const char* what) {
        try {
            gan::decode_model(b);
            ADD_FAILURE() << what << ": accepted";
        } catch (const std::invalid_argument& e) {
            EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << what << ": " << e.what();
        }
    };
    Bytes b = good;
    b[0] = 'X';
    expect_reject(b, "GANM", "magic");
    b = good;
    b[4] = 2;
    expect_reject(b, "version", "version");
    b = good;
    b[11] = 0x7f;  // text length far past the end
    expect_reject(b, "invalid", "text length");
    b = good;
    b[12 + text] += 1;  // one more weight announced than present
    expect_reject(b, "weights", "weight count");
    // Config text edits (same length, so the framing stays valid).
    auto edit = [&](const std::string& from, const std::string& to) {
        EXPECT_EQ(from.size(), to.size());
        Bytes e = good;
        std::string s(e.begin() + 12, e.begin() + 12 + text);
        const auto at = s.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        s.replace(at, from.size(), to);
        std::copy(s.begin(), s.end(), e.begin() + 12);
        return e;
    };
    expect_reject(edit("gWidth=64", "gWidth=0x"), "gWidth", "bad value");
    expect_reject(edit("gWidth=64", "gWidthX64"), "gWidthX64", "line without '='");
    expect_reject(edit("gWidth=64", "gWodth=64"), "gWodth", "unknown key");
    expect_reject(edit("gDepth=1", "gDepth=9"), "gDepth", "depth past the cap");
}

TEST(ModelIo, MismatchedShapeThrowsAndLeavesTheTrainerUnchanged) {
    gan::Trainer blog = trained("blog-1d", 5);
    const auto z = latents(100, 1, 5);
    const auto before = blog.generate(z);
    const Bytes own = blog.save_generator();
    auto expect_reject = [&](const Bytes& b, const char* needle) {
        try {
            blog.load_generator(b);
            ADD_FAILURE() << needle << ": accepted";
        } catch (const std::invalid_argument& e) {
            EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
        }
        EXPECT_EQ(blog.generate(z), before);
        EXPECT_EQ(blog.save_generator(), own);
    };
    expect_reject(trained("blog-1d", 1, 3, {{"gWidth", "32"}}).save_generator(), "gWidth");
    expect_reject(trained("blog-1d", 1, 3, {{"gDepth", "2"}}).save_generator(), "gDepth");
    expect_reject(trained("blog-1d", 1, 3, {{"gActivation", "tanh"}}).save_generator(), "gActivation");
    expect_reject(trained("blog-1d", 1, 3, {{"noiseDim", "2"}}).save_generator(), "noiseDim");
    expect_reject(trained("ring-gan", 1).save_generator(), "noiseDim");  // 2D noise and points
    // Right config text, wrong number of weights.
    gan::Config c = blog.config();
    expect_reject(gan::encode_model(c, std::vector<float>(10, 0.0f)), "weights");
    // 1D generator into a 2D run, and a plain generator into a conditional run.
    gan::Trainer ring = trained("ring-gan", 1, 3, {{"noiseDim", "1"}});
    EXPECT_THROW(ring.load_generator(own), std::invalid_argument);
    gan::Trainer cgan = trained("ring-cgan", 1);
    EXPECT_THROW(cgan.load_generator(trained("ring-gan", 1).save_generator()), std::invalid_argument);
    // Settings that do not shape G may differ: a blog-1d-sgd generator loads into blog-1d.
    gan::Trainer sgd = trained("blog-1d-sgd", 3);
    blog.load_generator(sgd.save_generator());
    EXPECT_EQ(blog.generate(z), sgd.generate(z));
}

TEST(ModelIo, PointSetGeneratorsOfAnyDimensionRoundTrip) {
    gan::Config c = gan::preset_config("blog-1d");
    gan::set_field(c, "target", "points");
    c.pointsDim = 3;
    c.points = {0, 0, 0, 1, 1, 1, -1, 2, 0.5f};
    gan::Trainer a(c);
    a.step(3);
    EXPECT_EQ(a.dim(), 3);
    gan::Trainer b(c);
    b.load_generator(a.save_generator());  // the file must say it makes 3D points
    const auto z = latents(50, 1, 9);
    EXPECT_EQ(b.generate(z), a.generate(z));
}

}  // namespace
