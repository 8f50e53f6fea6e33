// config_codec.h: Config <-> URL-hash string
// ("activation=tanh&learningRate=0.03&networkShape=4,2"). Parsing never fails as a whole: each bad
// value is reported (key, value, what is allowed) and that key keeps its default; unknown keys are
// kept in Config::unknown and reported. A leading '#' is accepted. Values are percent-decoded.
// Serialising writes every TensorFlow Playground key (so the link also opens there) and our keys
// only when they differ from their defaults; parse(serialise(c)) == c.
#pragma once
#include "config.h"
#include "message.h"
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bp {

struct ConfigIssue {
    std::string key, value,
        message; // message is a whole sentence naming key, value and what is allowed
    Message msg; // the same sentence as a code and its arguments (message is its English text)
};

struct ParseResult {
    Config config;
    std::vector<ConfigIssue> errors;       // bad values (default kept)
    std::vector<std::string> unknown_keys; // keys we do not know (kept in config.unknown)
};

ParseResult parse_hash(const std::string& hash);
std::string to_hash(const Config& c);
// `hash` without its pairs whose key (percent-decoded) is `key`, the others as written, split
// as parse_hash splits: so parse_hash of the result gives `key` its default.
std::string without_key(const std::string& hash, const std::string& key);

// Problems that are not about one key's syntax but about the combination (e.g. a loss that needs a
// multi-class dataset). Empty when the config can be built.
std::vector<ConfigIssue> check_consistency(const Config& c);

// The "points" value: x1,x2,label,... each in the shortest decimal that reads back as the same
// float. A hash carries at most kMaxHashPointsBytes of it; more points stay out of the hash (the
// page says so).
constexpr std::size_t kMaxHashPointsBytes = 28672;
constexpr double kMaxPointCoord = 1e6; // |x1|, |x2|, |label|: far beyond any plot, finite in float
std::string points_to_text(const std::vector<CustomPoint>& points);

// The "compare" and "sweep" values (config_variants.cpp). parse_variants: false with `problem`
// (a phrase after the value, for the usual message) when the text is not 1-2 comparable keys with
// 2..8 valid values each and at most max_runs combinations; "" gives no axes.
bool parse_variants(std::string_view text, int max_runs, std::vector<VariantAxis>& out,
                    Message& problem);
Message variants_allowed(int max_runs); // what such a value may be, for messages
std::string variants_to_text(const std::vector<VariantAxis>& axes);
int variant_count(const std::vector<VariantAxis>& axes); // combinations; 0 for no axes

// Number of classes the config's dataset has: 0 for regression, 2 for binary (-1/+1 labels), K
// >= 3.
int num_classes(const Config& c);
// The dataset in use (dataset or regDataset, chosen by problem).
DatasetKind active_dataset(const Config& c);

} // namespace bp
