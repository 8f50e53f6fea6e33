// iris.h: Fisher's Iris data, shipped in the source so the page and the CLI need no network:
// 150 flowers, 50 of each of 3 species, 4 measurements in centimetres. Source: R. A. Fisher, "The
// use of multiple measurements in taxonomic problems", Annals of Eugenics 7 (1936) 179-188; the
// values as the UCI Machine Learning Repository's "Iris" set and R's `iris` give them (the two
// entries in which the UCI file differs from Fisher's paper, flowers 35 and 38, follow the paper).
#pragma once

namespace bp {

constexpr int kIrisRows = 150, kIrisColumns = 4, kIrisClasses = 3;
struct IrisRow {
    float sepal_length, sepal_width, petal_length, petal_width; // cm
    int species;                                                // index into kIrisSpecies
};
extern const IrisRow kIris[kIrisRows]; // in the source's order: 50 of each species
extern const char* const kIrisColumnNames[kIrisColumns];
extern const char* const kIrisSpecies[kIrisClasses];

} // namespace bp
