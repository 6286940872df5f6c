#include "gan/model_io.hpp"

#include <cstring>
#include <stdexcept>
#include <string>

namespace gan {
namespace {

constexpr char kMagic[4] = {'G', 'A', 'N', 'M'};
constexpr std::uint32_t kVersion = 1;

// Both targets (x86-64, wasm32) are little-endian; bytes are written in that order.
void put_u32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

class Reader {
public:
    explicit Reader(const std::vector<std::uint8_t>& b) : b_(b) {}
    std::uint32_t u32() {
        need(4);
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(b_[pos_++]) << (8 * i);
        return v;
    }
    void bytes(void* dst, std::size_t n) {
        need(n);
        std::memcpy(dst, b_.data() + pos_, n);
        pos_ += n;
    }
    std::size_t left() const { return b_.size() - pos_; }

private:
    void need(std::size_t n) const {
        if (left() < n) throw std::invalid_argument("model bytes are invalid: truncated at byte " + std::to_string(pos_));
    }
    const std::vector<std::uint8_t>& b_;
    std::size_t pos_ = 0;
};

}  // namespace

std::vector<std::uint8_t> encode_model(const Config& c, const std::vector<float>& params) {
    std::string text = "preset=" + c.preset + "\n";
    for (const auto& f : config_fields()) text += std::string(f.name) + "=" + get_field(c, f) + "\n";
    // Not in the field table, but it shapes G's output for the points target.
    if (c.target == "points") text += "pointsDim=" + std::to_string(c.pointsDim) + "\n";
    std::vector<std::uint8_t> out(kMagic, kMagic + 4);
    put_u32(out, kVersion);
    put_u32(out, static_cast<std::uint32_t>(text.size()));
    out.insert(out.end(), text.begin(), text.end());
    put_u32(out, static_cast<std::uint32_t>(params.size()));
    const std::size_t at = out.size();
    out.resize(at + params.size() * sizeof(float));
    std::memcpy(out.data() + at, params.data(), params.size() * sizeof(float));
    return out;
}

Model decode_model(const std::vector<std::uint8_t>& bytes) {
    Reader r(bytes);
    char magic[4];
    r.bytes(magic, 4);
    if (std::memcmp(magic, kMagic, 4) != 0) throw std::invalid_argument("model bytes are invalid: not a GAN model file (magic 'GANM' missing)");
    const std::uint32_t version = r.u32();
    if (version != kVersion)
        throw std::invalid_argument("model version " + std::to_string(version) + " is unsupported; allowed: 1");
    const std::uint32_t text_bytes = r.u32();
    if (text_bytes > r.left()) throw std::invalid_argument("model bytes are invalid: config text runs past the end");
    std::string text(text_bytes, '\0');
    r.bytes(text.data(), text.size());
    Model m;
    apply_settings_text(m.config, text);
    const std::uint32_t count = r.u32();
    if (static_cast<std::size_t>(count) * sizeof(float) != r.left())
        throw std::invalid_argument("model bytes are invalid: " + std::to_string(count) + " weights announced, " +
                                    std::to_string(r.left()) + " bytes left");
    m.params.resize(count);
    r.bytes(m.params.data(), count * sizeof(float));
    return m;
}

}  // namespace gan
