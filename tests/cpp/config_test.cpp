// Config and presets: every bad input throws std::invalid_argument whose message
// names the field, the value and the allowed range, and leaves the config unchanged.
#include <gtest/gtest.h>


#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "gan/config.hpp"
#include "gan/presets.hpp"
#include "gan/trainer.hpp"

namespace {

// Every field's value as text, plus the members outside the field table.
std::vector<std::string> snapshot(const gan::Config& c) {
    std::vector<std::string> s{c.preset, std::to_string(c.pointsDim), std::to_string(c.points.size())};
    for (const auto& f : gan::config_fields()) s.push_back(std::string(f.name) + "=" + gan::get_field(c, f));
    return s;
}

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

struct Bad {
    const char* field;
    const char* value;
};

// The issue's list, and then some.
const Bad kBad[] = {
    {"batch", "0"},         {"batch", "-1"},        {"batch", "65537"},     {"batch", "2.5"},
    {"gWidth", "0"},        {"dWidth", "0"},        {"gWidth", "1025"},     {"gDepth", "9"},
    {"dDepth", "9"},        {"gDepth", "0"},        {"gLr", "-1"},          {"gLr", "nan"},
    {"gLr", "inf"},         {"dLr", "-1"},          {"dLr", "NaN"},         {"dLr", "-inf"},
    {"gLr", "11"},          {"nCritic", "0"},       {"nCritic", "-3"},      {"targetStd", "0"},
    {"targetStd", "-0.5"},  {"targetStd", "inf"},   {"seed", "-1"},         {"seed", "1.5"},
    {"seed", "4294967296"}, {"noiseDim", "0"},      {"modes", "0"},         {"gridSize", "11"},
    {"radius", "0"},        {"clip", "0"},          {"gpLambda", "-1"},     {"gBeta1", "1"},
    {"dEps", "0"},          {"gEma", "1"},          {"decayTo", "2"},       {"leakySlope", "-0.1"},
    {"conditional", "2"},   {"conditional", "yes"}, {"gActivation", "sigmoid"}, {"dActivation", "RELU"},
    {"loss", "hinge"},      {"genLoss", "x"},       {"dUpdate", ""},        {"gOpt", "adagrad"},
    {"target", "moon"},     {"noise", "cauchy"},    {"batch", ""},          {"batch", "12abc"},
    {"gLr", "0x"},          {"dLr", "1e999"},
};

TEST(Config, EveryBadValueThrowsNamingFieldValueAndRangeAndChangesNothing) {
    for (const Bad& b : kBad) {
        gan::Config c = gan::preset_config("ring-wgan-gp");
        const auto before = snapshot(c);
        const gan::Field* f = gan::find_field(b.field);
        ASSERT_NE(f, nullptr) << b.field;
        try {
            gan::set_field(c, b.field, b.value);
            ADD_FAILURE() << b.field << " = '" << b.value << "' was accepted";
        } catch (const std::invalid_argument& e) {
            const std::string msg = e.what();
            EXPECT_TRUE(contains(msg, b.field)) << msg;
            EXPECT_TRUE(contains(msg, gan::range_text(*f))) << msg;
            EXPECT_TRUE(contains(msg, std::string(b.value).empty() ? "(empty)" : b.value)) << msg;
        }
        EXPECT_EQ(snapshot(c), before) << b.field << " = " << b.value;
    }
}

TEST(Config, RangeTextsStateTheDocumentedLimits) {
    EXPECT_EQ(gan::range_text(*gan::find_field("gDepth")), "1 <= whole number <= 8");
    EXPECT_EQ(gan::range_text(*gan::find_field("dDepth")), "1 <= whole number <= 8");
    EXPECT_EQ(gan::range_text(*gan::find_field("batch")), "1 <= whole number <= 65536");
    EXPECT_EQ(gan::range_text(*gan::find_field("gWidth")), "1 <= whole number <= 1024");
    EXPECT_EQ(gan::range_text(*gan::find_field("targetStd")), "0 < x <= 1000");
    EXPECT_EQ(gan::range_text(*gan::find_field("gLr")), "0 <= x <= 10");
    EXPECT_EQ(gan::range_text(*gan::find_field("nCritic")), "1 <= whole number <= 100");
    EXPECT_EQ(gan::range_text(*gan::find_field("loss")), "one of: gan, lsgan, wgan, wgan-gp");
    EXPECT_EQ(gan::range_text(*gan::find_field("conditional")), "0 or 1 (false or true)");
    EXPECT_EQ(gan::kMaxDepth, 8);
}

TEST(Config, UnknownOptionNameThrowsNamingIt) {
    gan::Config c;
    const auto before = snapshot(c);
    try {
        gan::set_field(c, "learningRate", "0.1");
        FAIL() << "accepted";
    } catch (const std::invalid_argument& e) {
        EXPECT_TRUE(contains(e.what(), "learningRate")) << e.what();
        EXPECT_TRUE(contains(e.what(), "unknown")) << e.what();
    }
    EXPECT_THROW(gan::set_field(c, "", "1"), std::invalid_argument);
    EXPECT_THROW(gan::set_field(c, "Batch", "1"), std::invalid_argument);  // names are case-sensitive
    EXPECT_EQ(snapshot(c), before);
    EXPECT_EQ(gan::find_field("learningRate"), nullptr);
}

TEST(Config, BoundaryValuesAreAccepted) {
    gan::Config c;
    gan::set_field(c, "gDepth", "8");
    EXPECT_EQ(c.gDepth, 8);
    gan::set_field(c, "batch", "1");
    EXPECT_EQ(c.batch, 1);
    gan::set_field(c, "batch", "65536");
    EXPECT_EQ(c.batch, 65536);
    gan::set_field(c, "targetStd", "1e-9");
    EXPECT_EQ(c.targetStd, 1e-9);
    gan::set_field(c, "gLr", "0");
    EXPECT_EQ(c.gLr, 0.0);
    gan::set_field(c, "dLr", "10");
    EXPECT_EQ(c.dLr, 10.0);
    gan::set_field(c, "conditional", "true");
    EXPECT_TRUE(c.conditional);
    gan::set_field(c, "conditional", "0");
    EXPECT_FALSE(c.conditional);
    gan::set_field(c, "seed", "4294967295");
    EXPECT_EQ(c.seed, 4294967295.0);
    gan::set_field(c, "gActivation", "tanh");
    EXPECT_EQ(c.gActivation, "tanh");
}

TEST(Config, GetFieldRoundTripsEveryField) {
    for (const auto& p : gan::presets()) {
        gan::Config c = gan::preset_config(p.name);
        c.gLr = 0.1 + 0.2;  // a value whose shortest text needs 17 digits
        gan::Config copy;
        for (const auto& f : gan::config_fields()) gan::set_field(copy, f.name, gan::get_field(c, f));
        copy.preset = c.preset;
        EXPECT_EQ(snapshot(copy), snapshot(c)) << p.name;
        EXPECT_EQ(copy.gLr, c.gLr);
    }
}

TEST(Config, CrossFieldRules) {
    gan::Config c = gan::preset_config("ring-wgan-gp");
    gan::validate(c);
    c.dUpdate = "split";
    EXPECT_THROW(gan::validate(c), std::invalid_argument);
    gan::Config cond = gan::preset_config("blog-1d");
    cond.conditional = true;  // a single Gaussian has no labels
    try {
        gan::validate(cond);
        FAIL() << "accepted";
    } catch (const std::invalid_argument& e) {
        EXPECT_TRUE(contains(e.what(), "conditional")) << e.what();
        EXPECT_TRUE(contains(e.what(), "gaussian")) << e.what();
    }
    gan::Config gp = gan::preset_config("ring-wgan-gp");
    gp.conditional = true;
    EXPECT_THROW(gan::validate(gp), std::invalid_argument);
    gan::Config pts;
    pts.target = "points";
    EXPECT_THROW(gan::validate(pts), std::invalid_argument);  // no points
    pts.points = {1, 2, 3};
    pts.pointsDim = 2;
    EXPECT_THROW(gan::validate(pts), std::invalid_argument);  // not a multiple of pointsDim
    pts.points = {1, 2, NAN, 4};
    EXPECT_THROW(gan::validate(pts), std::invalid_argument);
    pts.points = {1, 2, 3, 4};
    gan::validate(pts);
    EXPECT_EQ(gan::data_dim(pts), 2);
}

TEST(Config, ValidateRejectsOutOfRangeFieldsSetDirectly) {
    // Callers may fill the struct themselves: the Trainer must not accept what set_field refuses.
    struct Case {
        const char* field;
        void (*poke)(gan::Config&);
    };
    const Case cases[] = {
        {"batch", [](gan::Config& c) { c.batch = 0; }},
        {"batch", [](gan::Config& c) { c.batch = -5; }},
        {"gWidth", [](gan::Config& c) { c.gWidth = 0; }},
        {"dDepth", [](gan::Config& c) { c.dDepth = 9; }},
        {"gLr", [](gan::Config& c) { c.gLr = -1; }},
        {"dLr", [](gan::Config& c) { c.dLr = NAN; }},
        {"gLr", [](gan::Config& c) { c.gLr = INFINITY; }},
        {"nCritic", [](gan::Config& c) { c.nCritic = 0; }},
        {"targetStd", [](gan::Config& c) { c.targetStd = 0; }},
        {"targetStd", [](gan::Config& c) { c.targetStd = -1; }},
        {"loss", [](gan::Config& c) { c.loss = "hinge"; }},
        {"gActivation", [](gan::Config& c) { c.gActivation = "sigmoid"; }},
        {"seed", [](gan::Config& c) { c.seed = -3; }},
    };
    for (const Case& k : cases) {
        gan::Config c = gan::preset_config("blog-1d");
        k.poke(c);
        try {
            gan::validate(c);
            ADD_FAILURE() << k.field << ": validate accepted it";
        } catch (const std::invalid_argument& e) {
            EXPECT_TRUE(contains(e.what(), k.field)) << e.what();
            EXPECT_TRUE(contains(e.what(), gan::range_text(*gan::find_field(k.field)))) << e.what();
        }
        EXPECT_THROW(gan::Trainer{c}, std::invalid_argument) << k.field;
    }
}

TEST(Presets, NamesAndUnknownPreset) {
    const std::vector<std::string> want = {"blog-1d", "blog-1d-sgd", "ring-gan", "ring-wgan", "ring-wgan-gp", "ring-cgan", "walker"};
    std::vector<std::string> names;
    for (const auto& p : gan::presets()) names.push_back(p.name);
    for (const auto& w : want) EXPECT_NE(std::find(names.begin(), names.end(), w), names.end()) << w;
    for (const auto& w : want) EXPECT_TRUE(contains(gan::preset_names(), w)) << w;
    try {
        gan::preset_config("ring-gann");
        FAIL() << "accepted";
    } catch (const std::invalid_argument& e) {
        EXPECT_TRUE(contains(e.what(), "ring-gann")) << e.what();
        EXPECT_TRUE(contains(e.what(), gan::preset_names())) << e.what();
    }
    EXPECT_THROW(gan::preset_config(""), std::invalid_argument);
}

TEST(Presets, EveryPresetIsValidAndTrains) {
    for (const auto& p : gan::presets()) {
        gan::Config c = gan::preset_config(p.name);
        EXPECT_EQ(c.preset, p.name);
        EXPECT_FALSE(p.description.empty()) << p.name;
        gan::validate(c);
        std::istringstream settings(p.settings);
        for (std::string kv; settings >> kv;) {
            const std::string key = kv.substr(0, kv.find('='));
            EXPECT_NE(kv.find('='), std::string::npos) << p.name << ": " << kv;
            EXPECT_NE(gan::find_field(key), nullptr) << p.name << ": " << key;
        }
        gan::Trainer t(c);
        t.step(2);
        EXPECT_EQ(t.epoch(), 2) << p.name;
        EXPECT_FALSE(t.diverged()) << p.name;
    }
}

TEST(Presets, MatchTheIssue) {
    const gan::Config b = gan::preset_config("blog-1d");
    EXPECT_EQ(b.target, "gaussian");
    EXPECT_EQ(b.targetMean, 3.0);
    EXPECT_EQ(b.targetStd, 0.5);
    EXPECT_EQ(b.batch, 256);
    EXPECT_EQ(b.gDepth, 1);
    EXPECT_EQ(b.gWidth, 64);
    EXPECT_EQ(b.dDepth, 1);
    EXPECT_EQ(b.dWidth, 64);
    EXPECT_EQ(gan::data_dim(b), 1);
    EXPECT_EQ(b.noiseDim, 1);
    // blog-1d-sgd is the blog's listing exactly.
    const gan::Config s = gan::preset_config("blog-1d-sgd");
    EXPECT_EQ(s.gOpt, "sgd");
    EXPECT_EQ(s.dOpt, "sgd");
    EXPECT_EQ(s.dLr, 0.002);
    EXPECT_EQ(s.gLr, 0.001);
    EXPECT_EQ(s.batch, 256);
    EXPECT_EQ(s.loss, "gan");
    EXPECT_EQ(s.genLoss, "nonsat");
    EXPECT_EQ(s.dUpdate, "split");  // a D step on the real batch, then one on the fake batch
    EXPECT_EQ(s.gWidth, 64);
    EXPECT_EQ(s.dWidth, 64);
    for (const char* name : {"ring-gan", "ring-wgan", "ring-wgan-gp", "ring-cgan"}) {
        const gan::Config r = gan::preset_config(name);
        EXPECT_EQ(r.target, "ring") << name;
        EXPECT_EQ(r.modes, 8) << name;
        EXPECT_EQ(r.radius, 2.0) << name;
        EXPECT_EQ(r.targetStd, 0.05) << name;
        EXPECT_EQ(gan::data_dim(r), 2) << name;
    }
    EXPECT_EQ(gan::preset_config("ring-gan").loss, "gan");
    EXPECT_EQ(gan::preset_config("ring-gan").genLoss, "nonsat");
    EXPECT_EQ(gan::preset_config("ring-wgan").loss, "wgan");
    EXPECT_EQ(gan::preset_config("ring-wgan").nCritic, 5);
    EXPECT_EQ(gan::preset_config("ring-wgan-gp").loss, "wgan-gp");
    EXPECT_TRUE(gan::preset_config("ring-cgan").conditional);
    EXPECT_EQ(gan::class_count(gan::preset_config("ring-cgan")), 8);
    const gan::Config w = gan::preset_config("walker");
    EXPECT_EQ(w.noiseDim, 2);
    EXPECT_EQ(gan::data_dim(w), 2);
}

}  // namespace
