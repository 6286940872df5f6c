// JsonWriter: appends one JSON document to a string, keeping the commas
// right. Its methods live out of line on purpose: the many small writes of
// stats and catalogs then stay small in the wasm module.
//
//   gan::JsonWriter w;
//   w.begin_object().key("epoch").number(12).key("mean").begin_array().number(3.0).end_array().end_object();
//   std::string text = w.str();   // {"epoch":12,"mean":[3]}
#pragma once

#include <string>
#include <vector>

namespace gan {

class JsonWriter {
public:
    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(const char* name);
    JsonWriter& number(double v);  // shortest text that reads back exactly; NaN and infinity: null
    JsonWriter& string(const std::string& s);
    JsonWriter& boolean(bool v);
    JsonWriter& null();
    JsonWriter& numbers(const std::vector<double>& v);
    const std::string& str() const { return out_; }

private:
    void separate();
    std::string out_;
    bool first_ = true;  // no value yet in the current object or array
};

}  // namespace gan
