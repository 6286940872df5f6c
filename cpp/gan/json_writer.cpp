#include "gan/json_writer.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace gan {

void JsonWriter::separate() {
    if (!first_) out_ += ',';
    first_ = false;
}

JsonWriter& JsonWriter::begin_object() {
    separate();
    out_ += '{';
    first_ = true;
    return *this;
}

JsonWriter& JsonWriter::end_object() {
    out_ += '}';
    first_ = false;
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    separate();
    out_ += '[';
    first_ = true;
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    out_ += ']';
    first_ = false;
    return *this;
}

JsonWriter& JsonWriter::key(const char* name) {
    separate();
    out_ += '"';
    out_ += name;
    out_ += "\":";
    first_ = true;  // the value that follows takes no comma
    return *this;
}

JsonWriter& JsonWriter::number(double v) {
    separate();
    if (!std::isfinite(v)) {
        out_ += "null";
        return *this;
    }
    char buf[32];
    for (int digits = 15; digits <= 17; ++digits) {  // the shortest of these that round-trips
        std::snprintf(buf, sizeof buf, "%.*g", digits, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    out_ += buf;
    return *this;
}

JsonWriter& JsonWriter::string(const std::string& s) {
    separate();
    out_ += '"';
    for (char c : s) {
        if (c == '"' || c == '\\') out_ += '\\';
        out_ += c;
    }
    out_ += '"';
    return *this;
}

JsonWriter& JsonWriter::boolean(bool v) {
    separate();
    out_ += v ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    separate();
    out_ += "null";
    return *this;
}

JsonWriter& JsonWriter::numbers(const std::vector<double>& v) {
    begin_array();
    for (double x : v) number(x);
    return end_array();
}

}  // namespace gan
