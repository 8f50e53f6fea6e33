// config_variants.cpp: the "compare" and "sweep" values (contract in config_codec.h):
// "key:v1,v2" or "key:v1,v2;key2:v1,v2". An axis's values are separated by '|' when any of them
// holds a comma or is empty ("networkShape:2|4,4|"), else by ','. Each value is checked as the
// hash's own "key=value" would be (parse_hash), so a compare can name only what a link could.
// Values keep to [A-Za-z0-9.+-_,] (every comparable key's values do): the value is written back
// unencoded, so it must not hold '&', '=', '#', '%' or the separators.
#include "config_codec.h"
#include "config_keys.h"
#include "hash_text.h"
#include <algorithm>

namespace bp {
using namespace config_keys;
namespace ht = hash_text;

namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    for (;;) {
        size_t at = s.find(sep);
        parts.push_back(s.substr(0, at));
        if (at == std::string_view::npos) return parts;
        s.remove_prefix(at + 1);
    }
}

bool plain(std::string_view v) {
    return std::all_of(v.begin(), v.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '.' || c == '+' || c == '-' || c == '_' || c == ',';
    });
}

std::string comparable_names() {
    std::string s;
    for (std::string_view k : kComparableKeys) s.append(s.empty() ? "" : ", ").append(k);
    return s;
}

} // namespace

Message variants_allowed(int max_runs) {
    return {Msg::AllowedVariants,
            {{"values", kMaxAxisValues}, {"runs", max_runs}, {"keys", comparable_names()}}};
}

bool parse_variants(std::string_view text, int max_runs, std::vector<VariantAxis>& out,
                    Message& problem) {
    out.clear();
    if (text.empty()) return true; // no race, no sweep
    if (text.size() > kMaxVariantsBytes) {
        problem = {Msg::VariantsLong, {{"n", text.size()}, {"max", kMaxVariantsBytes}}};
        return false;
    }
    std::vector<std::string_view> axes = split(text, ';');
    if (axes.size() > kMaxAxes) {
        problem = {Msg::VariantsAxes, {{"n", axes.size()}}};
        return false;
    }
    std::vector<VariantAxis> list;
    long long runs = 1;
    for (std::string_view a : axes) {
        size_t colon = a.find(':');
        if (colon == std::string_view::npos) {
            problem = {Msg::VariantsNoColon, {{"item", ht::display(a, kShownValueBytes)}}};
            return false;
        }
        std::string_view key = a.substr(0, colon);
        if (std::find(std::begin(kComparableKeys), std::end(kComparableKeys), key) ==
            std::end(kComparableKeys)) {
            problem = {Msg::VariantsNotComparable, {{"item", ht::display(key, kShownValueBytes)}}};
            return false;
        }
        for (const VariantAxis& seen : list)
            if (seen.key == key) {
                problem = {Msg::VariantsKeyTwice, {{"key", key}}};
                return false;
            }
        std::string_view rest = a.substr(colon + 1);
        std::vector<std::string_view> values =
            split(rest, rest.find('|') != std::string_view::npos ? '|' : ',');
        if (values.size() < 2 || values.size() > kMaxAxisValues) {
            problem = {values.size() == 1 ? Msg::VariantsOneValue : Msg::VariantsValues,
                       {{"key", key}, {"n", values.size()}}};
            return false;
        }
        VariantAxis axis{std::string(key), {}};
        for (std::string_view v : values) {
            if (!plain(v)) {
                problem = {Msg::VariantsBadChar,
                           {{"key", axis.key}, {"value", ht::display(v, kShownValueBytes)}}};
                return false;
            }
            ParseResult one = parse_hash(axis.key + "=" + std::string(v));
            if (!one.errors.empty()) {
                problem = {Msg::VariantsGives, {{"issue", one.errors.front().msg}}};
                return false;
            }
            if (std::find(axis.values.begin(), axis.values.end(), v) != axis.values.end()) {
                problem = {Msg::VariantsValueTwice, {{"key", axis.key}, {"value", v}}};
                return false;
            }
            axis.values.emplace_back(v);
        }
        runs *= (long long)axis.values.size();
        list.push_back(std::move(axis));
    }
    if (runs > max_runs) {
        problem = {Msg::VariantsRuns, {{"n", runs}}};
        return false;
    }
    out = std::move(list);
    return true;
}

std::string variants_to_text(const std::vector<VariantAxis>& axes) {
    std::string s;
    for (const VariantAxis& a : axes) {
        bool bar = std::any_of(a.values.begin(), a.values.end(), [](const std::string& v) {
            return v.empty() || v.find(',') != std::string::npos;
        });
        s.append(s.empty() ? "" : ";").append(a.key).append(":");
        for (size_t i = 0; i < a.values.size(); ++i)
            s.append(i ? (bar ? "|" : ",") : "").append(a.values[i]);
    }
    return s;
}

int variant_count(const std::vector<VariantAxis>& axes) {
    int n = 1;
    for (const VariantAxis& a : axes) n *= (int)a.values.size();
    return axes.empty() ? 0 : n;
}

} // namespace bp
