// export_code.cpp: export_model, the default points and the points parser (see export_code.h).
#include "export_code.h"
#include "model_io.h"
#include <cmath>
#include <cstdlib>

namespace bp {

std::vector<ExportPoint> default_export_points() {
    return {{0.0f, 0.0f}, {1.5f, -2.0f}, {-3.0f, 2.5f}, {4.25f, 4.0f}, {-5.0f, -1.75f}};
}

std::string export_model(const Session& s, const std::string& format,
                         const std::vector<ExportPoint>& points, std::string& out) {
    const std::vector<ExportPoint> pts = points.empty() ? default_export_points() : points;
    if ((format == "pytorch" || format == "keras") && !s.columns().empty())
        return "the " + format +
               " script computes the plane's features from (x1, x2), but this "
               "network's inputs are the data's " +
               std::to_string(s.columns().size()) + " columns; export json instead";
    if (format == "json")
        out = model_to_json(s);
    else if (format == "pytorch")
        out = pytorch_script(s, pts);
    else if (format == "keras")
        out = keras_script(s, pts);
    else
        return "export format '" + format.substr(0, 40) +
               "' is not known; allowed: json, pytorch, keras";
    return "";
}

std::string parse_export_points(const std::string& text, std::vector<ExportPoint>& out) {
    out.clear();
    const std::string allowed = "; allowed: 'x1,x2;x1,x2;...', 1 to 64 pairs of finite numbers";
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(';', start), text.size());
        const std::string item = text.substr(start, end - start);
        const std::size_t comma = item.find(',');
        const std::string a = item.substr(0, comma),
                          b = comma == std::string::npos ? "" : item.substr(comma + 1);
        char *ea = nullptr, *eb = nullptr;
        const double x1 = std::strtod(a.c_str(), &ea), x2 = std::strtod(b.c_str(), &eb);
        if (a.empty() || b.empty() || *ea || *eb || !std::isfinite((float)x1) ||
            !std::isfinite((float)x2))
            return "point '" + item.substr(0, 40) + "' is not two finite numbers" + allowed;
        out.push_back({(float)x1, (float)x2});
        if (out.size() > 64) return "too many points" + allowed;
        start = end + 1;
    }
    return "";
}

} // namespace bp
