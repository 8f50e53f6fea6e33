// features.cpp: input features of features.h. Contract: products are computed in float (what the
// network sees is exactly x1*x1 etc. rounded once), sin goes through the deterministic double
// elem::sin and is rounded once to float. cosX/cosY are accepted by the config but, as in
// TensorFlow Playground, produce no input.
#include "features.h"
#include "../engine/elementary.h"

namespace bp {

std::vector<Feature> active_features(const Config& c) {
    std::vector<Feature> f;
    if (c.x) f.push_back(Feature::X1);
    if (c.y) f.push_back(Feature::X2);
    if (c.x_squared) f.push_back(Feature::X1Squared);
    if (c.y_squared) f.push_back(Feature::X2Squared);
    if (c.x_times_y) f.push_back(Feature::X1TimesX2);
    if (c.sin_x) f.push_back(Feature::SinX1);
    if (c.sin_y) f.push_back(Feature::SinX2);
    return f;
}

const char* feature_key(Feature f) {
    switch (f) {
    case Feature::X1:
        return "x";
    case Feature::X2:
        return "y";
    case Feature::X1Squared:
        return "xSquared";
    case Feature::X2Squared:
        return "ySquared";
    case Feature::X1TimesX2:
        return "xTimesY";
    case Feature::SinX1:
        return "sinX";
    case Feature::SinX2:
        return "sinY";
    }
    return "?";
}

// Subscripts one and two (U+2081, U+2082) and superscript two (U+00B2) spelled as UTF-8 bytes, so
// the result does not depend on the compiler's charset: the labels the page shows.
const char* feature_label(Feature f) {
    switch (f) {
    case Feature::X1:
        return "X\xE2\x82\x81";
    case Feature::X2:
        return "X\xE2\x82\x82";
    case Feature::X1Squared:
        return "X\xE2\x82\x81\xC2\xB2";
    case Feature::X2Squared:
        return "X\xE2\x82\x82\xC2\xB2";
    case Feature::X1TimesX2:
        return "X\xE2\x82\x81X\xE2\x82\x82";
    case Feature::SinX1:
        return "sin(X\xE2\x82\x81)";
    case Feature::SinX2:
        return "sin(X\xE2\x82\x82)";
    }
    return "?";
}

void compute_features(const std::vector<Feature>& features, const float* x1, const float* x2,
                      std::size_t n, float* out) {
    for (std::size_t k = 0; k < features.size(); ++k) {
        float* row = out + k * n;
        switch (features[k]) {
        case Feature::X1:
            for (std::size_t i = 0; i < n; ++i) row[i] = x1[i];
            break;
        case Feature::X2:
            for (std::size_t i = 0; i < n; ++i) row[i] = x2[i];
            break;
        case Feature::X1Squared:
            for (std::size_t i = 0; i < n; ++i) row[i] = x1[i] * x1[i];
            break;
        case Feature::X2Squared:
            for (std::size_t i = 0; i < n; ++i) row[i] = x2[i] * x2[i];
            break;
        case Feature::X1TimesX2:
            for (std::size_t i = 0; i < n; ++i) row[i] = x1[i] * x2[i];
            break;
        case Feature::SinX1:
            for (std::size_t i = 0; i < n; ++i) row[i] = (float)elem::sin((double)x1[i]);
            break;
        case Feature::SinX2:
            for (std::size_t i = 0; i < n; ++i) row[i] = (float)elem::sin((double)x2[i]);
            break;
        }
    }
}

} // namespace bp
