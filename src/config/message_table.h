// message_table.h: the engine's user-facing messages, one row each: BP_MESSAGES(X) calls
// X(Id, "code", "English template"). The code is stable (the page's translations are keyed by it:
// web/i18n/engine.zh.js); "{name}" marks an argument (message.h), filled with text that is not
// translated or with a nested message. This is the only place the English wording is written.
// Groups: config issues (issue, problem.*, allowed.*, note.*, value.*, reason.*), compare/sweep
// values (variants.*) and plans (plan.*), the model a config builds (build.*), CSV files (csv.*),
// the user's data in a session (points.*, import.*), what an import changed (changed.*), and
// model files: their JSON text (json.*, kind.*), members (model.*) and restoring (restore.*).
#pragma once

// clang-format off
#define BP_MESSAGES(X) \
    /* config issues: "<key>: '<value>' <problem>; allowed: <allowed>" (config_keys.h make_issue) */ \
    X(Issue, "issue", "{key}: '{value}' {problem}; allowed: {allowed}") \
    X(IssueNoKey, "issue.noKey", "(empty key): '{value}' {problem}; allowed: {allowed}") \
    X(HashTooLong, "hash.tooLong", "(hash): {bytes} bytes is too long; allowed: at most {max} bytes (only those were read)") \
    X(HashMoreErrors, "hash.moreErrors", "(hash): further errors were not listed; allowed: at most {max} listed errors") \
    X(NoFeature, "issue.noFeature", "x, y: no input feature is selected; allowed: at least one of {features}") \
    X(CustomNoPoints, "issue.customNoPoints", "{key}: 'custom' has no points to train on (none of the link's could be used); allowed: custom with points, or a generated dataset") \
    /* problems: what is wrong with the value */ \
    X(Empty, "problem.empty", "is empty") \
    X(NotFinite, "problem.notFinite", "is not a finite number") \
    X(NotDecimal, "problem.notDecimal", "is not a decimal number") \
    X(NotInteger, "problem.notInteger", "is not an integer") \
    X(OutOfRange, "problem.outOfRange", "is out of range") \
    X(OutOfRangeBare, "problem.outOfRangeBare", "out of range") \
    X(MalformedEscape, "problem.malformedEscape", "has a malformed percent escape") \
    X(KeyMalformedEscape, "problem.keyMalformedEscape", "has a key with a malformed percent escape") \
    X(NoKey, "problem.noKey", "has no key") \
    X(NotBoolean, "problem.notBoolean", "is not a boolean") \
    X(NotKnown, "problem.notKnown", "is not a known value") \
    X(NotHiddenActivation, "problem.notHiddenActivation", "is not a hidden activation") \
    X(NotClassDataset, "problem.notClassDataset", "is not a classification dataset") \
    X(NotRegDataset, "problem.notRegDataset", "is not a regression dataset") \
    X(NotLanguage, "problem.notLanguage", "is not a language of the page") \
    X(HasLayers, "problem.hasLayers", "has {n} layers") \
    X(LayerThat, "problem.layerThat", "has layer {index} '{item}' that {problem}") \
    X(BytesLong, "problem.bytesLong", "is {n} bytes long") \
    X(NotTriples, "problem.notTriples", "has {n} numbers, not a multiple of 3") \
    X(PointNumber, "problem.pointNumber", "has number {index} '{item}' (point {point}) that is {problem}") \
    X(HasEntries, "problem.hasEntries", "has {n} entries") \
    X(EntryOutputOnly, "problem.entryOutputOnly", "has entry {index} '{item}' that is only valid as outputActivation") \
    X(EntryNotKnown, "problem.entryNotKnown", "has entry {index} '{item}' that is not a known value") \
    X(HasNames, "problem.hasNames", "has {n} names") \
    X(NameThat, "problem.nameThat", "has name {index} '{item}' that {problem}") \
    X(NameNotPlain, "problem.nameNotPlain", "is empty, too long, or not plain text") \
    X(NameRepeats, "problem.nameRepeats", "repeats an earlier name") \
    X(TooLong, "problem.tooLong", "is too long") \
    X(NotHidable, "problem.notHidable", "does not name a control that can be hidden") \
    X(UnknownTooLong, "problem.unknownTooLong", "is too long to keep as an unknown key") \
    X(UnknownDropped, "problem.unknownDropped", "was dropped with the rest: too many unknown keys") \
    X(NotHiddenActivationIn, "problem.notHiddenActivationIn", "has '{name}', not a hidden activation") \
    X(ClassificationLoss, "problem.classificationLoss", "is a classification loss, but problem is 'regression'") \
    X(NeedsMultiClass, "problem.needsMultiClass", "needs a multi-class dataset, but {why}") \
    X(NeedsTwoClasses, "problem.needsTwoClasses", "needs 2 classes, but {why}") \
    X(CannotTrainMulti, "problem.cannotTrainMulti", "cannot train a multi-class dataset: {why}") \
    X(NoProbabilities, "problem.noProbabilities", "cannot give class probabilities: {why}") \
    X(MoreEntriesThanLayers, "problem.moreEntriesThanLayers", "has {n} entries, but networkShape '{shape}' has {layers} hidden layers") \
    X(PointsNotCustom, "problem.pointsNotCustom", "are given, but the {key} is '{dataset}'") \
    X(NotFiniteOrRange, "problem.notFiniteOrRange", "is not finite or out of range") \
    X(PointWithLabel, "problem.pointWithLabel", "has point {index} with that label") \
    X(ClassesRegression, "problem.classesRegression", "is for classification, but problem is 'regression'") \
    X(ClassesGenerated, "problem.classesGenerated", "is for your own points, but dataset is '{dataset}'") \
    X(NamesRegression, "problem.namesRegression", "are for classification, but problem is 'regression'") \
    X(NamesGenerated, "problem.namesGenerated", "are for your own data, but dataset is '{dataset}'") \
    X(NamesNotClasses, "problem.namesNotClasses", "do not match classes={k}") \
    X(ColumnsFew, "problem.columnsFew", "is fewer than 3 (two columns are points of the plane)") \
    X(ColumnsGenerated, "problem.columnsGenerated", "is for your own data, but the dataset is '{dataset}'") \
    X(PointsWithColumns, "problem.pointsWithColumns", "are points of the plane, but columns={n} asks for column data") \
    X(BatchTooLarge, "problem.batchTooLarge", "is too large for {neurons} neurons ({activations} activations per layer buffer)") \
    X(BatchNormSmall, "problem.batchNormSmall", "needs batches of at least 2 samples, but batchSize is {n}") \
    /* the reasons inside a problem */ \
    X(DatasetClasses, "reason.datasetClasses", "dataset '{dataset}' has {k} classes") \
    X(ProblemRegression, "reason.problemRegression", "problem is 'regression'") \
    /* the shown value when it is not the text itself */ \
    X(ValuePoints, "value.points", "{n} points") \
    X(ValuePoint, "value.point", "point {index}") \
    X(ValueNames, "value.names", "{n} names") \
    /* allowed: what the key takes */ \
    X(AllowedNames, "allowed.names", "{names}") \
    X(AllowedEscape, "allowed.escape", "'%' followed by two hex digits; the key keeps its default") \
    X(AllowedEscapeKey, "allowed.escapeKey", "'%' followed by two hex digits; the part was ignored") \
    X(AllowedKeyValue, "allowed.keyValue", "key=value parts separated by '&'") \
    X(AllowedBoolean, "allowed.boolean", "true or false") \
    X(AllowedNumber, "allowed.number", "a number in {interval}") \
    X(AllowedInteger, "allowed.integer", "an integer in {lo}..{hi}") \
    X(AllowedIntegerNote, "allowed.integerNote", "an integer in {lo}..{hi} ({note})") \
    X(AllowedShape, "allowed.shape", "up to {layers} comma-separated integers, each 1..{neurons} (empty: no hidden layer)") \
    X(AllowedPoints, "allowed.points", "x1,x2,label triples of numbers in [-1e6, 1e6], at most {bytes} bytes") \
    X(AllowedActivations, "allowed.activations", "up to {layers} comma-separated names of {names} (empty: all use activation)") \
    X(AllowedOutput, "allowed.output", "{names} (empty: chosen by problem and loss)") \
    X(AllowedClassNames, "allowed.classNames", "2 to {max} different comma-separated names of 1 to {bytes} bytes (a comma in a name written %2C)") \
    X(AllowedText, "allowed.text", "any text of at most {bytes} bytes") \
    X(AllowedHidable, "allowed.hidable", "<name>_hide=true with a name of {names}") \
    X(AllowedUnknownLong, "allowed.unknownLong", "unknown keys and values of at most {bytes} bytes") \
    X(AllowedUnknownMany, "allowed.unknownMany", "at most {keys} unknown keys of {bytes} bytes in total, encoded") \
    X(AllowedVariants, "allowed.variants", "'key:value,value' or 'key:value,value;key:value,value' (values separated by '|' when one holds a comma), 2..{values} values per key, at most {runs} combinations, keys among {keys}") \
    X(AllowedHiddenLayers, "allowed.hiddenLayers", "up to {layers} hidden layers of 1..{neurons}") \
    X(AllowedRegressionLoss, "allowed.regressionLoss", "auto, square, abs for regression") \
    X(AllowedSoftmaxWith, "allowed.softmaxWith", "softmax only with {datasets}; auto, square, bce, abs otherwise") \
    X(AllowedSoftmaxOnly, "allowed.softmaxOnly", "softmax only with {datasets}") \
    X(AllowedMultiLoss, "allowed.multiLoss", "auto or softmax for a multi-class dataset") \
    X(AllowedMultiOutput, "allowed.multiOutput", "softmax (or no outputActivation) for a multi-class dataset") \
    X(AllowedOnePerLayer, "allowed.onePerLayer", "at most one entry per hidden layer (missing ones use activation)") \
    X(AllowedPointsCustom, "allowed.pointsCustom", "points with {key}=custom") \
    X(AllowedPointCoords, "allowed.pointCoords", "x1, x2 and label in [-1e6, 1e6]") \
    X(AllowedClassIndices, "allowed.classIndices", "class indices 0..{last} (or -1 for class 0) with classes={k}") \
    X(AllowedBinaryLabels, "allowed.binaryLabels", "labels -1/+1 (or 0/1) for classification") \
    X(AllowedClasses, "allowed.classes", "classes with dataset=custom (a generated dataset has its own)") \
    X(AllowedNamePerClass, "allowed.namePerClass", "one name per class with dataset=custom") \
    X(AllowedColumns, "allowed.columns", "0, or 3..{max} with dataset=custom") \
    X(AllowedPointsPlane, "allowed.pointsPlane", "points with columns=0") \
    X(AllowedBatch, "allowed.batch", "batchSize <= {max} for this network (neurons x batchSize <= {limit})") \
    X(AllowedBatchNorm, "allowed.batchNorm", "batchSize >= 2 with batchNorm=true") \
    /* notes after an integer key's range (config_schema.cpp) */ \
    X(NoteStopEpoch, "note.stopEpoch", "0: no stop") \
    X(NoteClasses, "note.classes", "the classes of your own points, dataset=custom") \
    X(NoteColumns, "note.columns", "the input columns of your own column data, dataset=custom; 0: points of the plane") \
    /* compare and sweep values (config_variants.cpp): problems */ \
    X(VariantsLong, "variants.long", "is {n} bytes long (at most {max})") \
    X(VariantsAxes, "variants.axes", "varies {n} settings") \
    X(VariantsNoColon, "variants.noColon", "has '{item}' without ':'") \
    X(VariantsNotComparable, "variants.notComparable", "names '{item}', not a setting it varies") \
    X(VariantsKeyTwice, "variants.keyTwice", "names '{key}' twice") \
    X(VariantsOneValue, "variants.oneValue", "gives {key} {n} value") \
    X(VariantsValues, "variants.values", "gives {key} {n} values") \
    X(VariantsBadChar, "variants.badChar", "gives {key} the value '{value}' with a character other than letters, digits, '.', '+', '-', '_', ','") \
    X(VariantsGives, "variants.gives", "gives {issue}") \
    X(VariantsValueTwice, "variants.valueTwice", "gives {key} the value '{value}' twice") \
    X(VariantsRuns, "variants.runs", "makes {n} combinations") \
    /* what a compare or sweep runs (session/variants.cpp); {what}: compare or sweep */ \
    X(PlanNoAxes, "plan.noAxes", "{what}: the link has no {what} key") \
    X(PlanCannotBuild, "plan.cannotBuild", "{what}: the variant {label} cannot be built: {why}") \
    X(PlanTooMuchWork, "plan.tooMuchWork", "sweep: {runs} runs x {epochs} epochs need {work} multiply-adds; allowed: at most {max} (fewer runs, fewer sweepEpochs or smaller networks)") \
    /* building the model a config asks for (model_spec.cpp) */ \
    X(BuildNoFeature, "build.noFeature", "no input feature is selected: turn on at least one of {features}") \
    /* CSV files (src/data/csv*.cpp); rows and columns count from 1 */ \
    X(CsvUtf16, "csv.utf16", "not a text CSV file: it is UTF-16 encoded (save it as UTF-8)") \
    X(CsvBinary, "csv.binary", "not a text CSV file (binary byte 0x{byte} at offset {offset})") \
    X(CsvEmpty, "csv.empty", "file is empty") \
    X(CsvWideRow, "csv.wideRow", "row {row} has more than {max} columns") \
    X(CsvUnclosedQuote, "csv.unclosedQuote", "row {row}, column {column}: a quoted field is never closed (missing '\"')") \
    X(CsvAfterQuote, "csv.afterQuote", "row {row}, column {column}: unexpected text {text} after a closing quote") \
    X(CsvBadIndex, "csv.badIndex", "column index {index} is invalid (columns are numbered from 0)") \
    X(CsvNoColumnOfOne, "csv.noColumnOfOne", "column {column} does not exist (the file has 1 column)") \
    X(CsvNoColumn, "csv.noColumn", "column {column} does not exist (the file has {n} columns)") \
    X(CsvOutside, "csv.outside", "row {row}, column {column}: {text} is outside [-1e6, 1e6]") \
    X(CsvEmptyCell, "csv.emptyCell", "row {row}, column {column} is empty") \
    X(CsvNotNumber, "csv.notNumber", "row {row}, column {column}: {text} is not a number") \
    X(CsvNonFinite, "csv.nonFinite", "NaN or Infinity in row {row}, column {column} ({text})") \
    X(CsvBeyondFloat, "csv.beyondFloat", "row {row}, column {column}: {text} is out of range (beyond 3.4e38)") \
    X(CsvRowWidthOne, "csv.rowWidthOne", "row {row} has 1 column, expected {expected}") \
    X(CsvRowWidth, "csv.rowWidth", "row {row} has {n} columns, expected {expected}") \
    X(CsvManyLabels, "csv.manyLabels", "column {column} has more than {max} different labels (the {nth}th: {text}); expected 2 to {max} classes") \
    X(CsvOneLabel, "csv.oneLabel", "column {column} has one label only ({text}); expected 2 to {max} classes") \
    X(CsvPickColumns, "csv.pickColumns", "pick 2 to {max} input columns (got {n})") \
    X(CsvPickedTwice, "csv.pickedTwice", "column {column} is picked twice") \
    X(CsvInputAndLabel, "csv.inputAndLabel", "column {column} is both an input and the label") \
    X(CsvTooManyRows, "csv.tooManyRows", "the file has more than {max} rows (the limit)") \
    X(CsvEmptyLabel, "csv.emptyLabel", "row {row}, column {column} is empty; expected a label (a class name or a number)") \
    X(CsvFormula, "csv.formula", "row {row}, column {column}: {text} is not a number (and a class name may not begin with =, +, - or @, which spreadsheets read as a formula)") \
    X(CsvNumberAfterNames, "csv.numberAfterNames", "row {row}, column {column}: {text} is a number, but the labels before it are class names") \
    X(CsvNameAfterNumbers, "csv.nameAfterNumbers", "row {row}, column {column}: {text} is not a number, but the labels before it are numbers") \
    X(CsvNoDataRows, "csv.noDataRows", "the file has a header row but no data rows") \
    /* the user's data in a session (session.cpp, user_data.cpp) */ \
    X(PointsOfPlane, "points.ofPlane", "points on the plot are 2 columns, but this dataset's inputs are its {n} columns; pick a dataset of the plane first") \
    X(PointsTooManyClasses, "points.tooManyClasses", "your own points take at most {max} classes, but this dataset has {k}") \
    X(PointsNotFinite, "points.notFinite", "point {index} is not finite or outside [-1e6, 1e6] (x1, x2 and label)") \
    X(PointsWhatPoint, "points.point", "point {index}") \
    X(PointsWhatRow, "points.row", "row {index}") \
    X(PointsLabelRange, "points.labelRange", "{what} has a label that is not finite or outside [-1e6, 1e6]") \
    X(PointsBinaryLabel, "points.binaryLabel", "{what} has label {label}; binary classification takes labels 0/1 or -1/+1") \
    X(PointsClassLabel, "points.classLabel", "{what} has label {label}; {k} classes take class indices 0..{last}") \
    X(PointsColumnsCount, "points.columnsCount", "this network takes {want} input columns, not {n} (columns={n} with dataset=custom)") \
    X(PointsValuesCount, "points.valuesCount", "{values} values for {rows} rows of {n} columns") \
    X(PointsCellRange, "points.cellRange", "row {row}, column {column} is not finite or outside [-1e6, 1e6]") \
    X(PointsNamesCount, "points.namesCount", "{n} class names for {k} classes") \
    X(ImportValuesCount, "import.valuesCount", "the column data has {values} values for {rows} rows") \
    X(ImportNotKept, "import.notKept", "your data was not kept: {why}") \
    /* what an import changed (user_data.cpp config_for_data): parts joined by "; " */ \
    X(ChangedList, "changed.list", "{first}; {next}") \
    X(ChangedProblem, "changed.problem", "the problem is now {problem}") \
    X(ChangedProblemWhy, "changed.problemWhy", "the problem is now {problem}: {why}") \
    X(WordClassification, "word.classification", "classification") \
    X(WordRegression, "word.regression", "regression") \
    X(ChangedWhyNames, "changed.whyNames", "the labels are names of classes") \
    X(ChangedWhyNumbers, "changed.whyNumbers", "the labels are numbers, not classes (data row {row}: {label})") \
    X(ChangedSoftmax, "changed.softmax", "{k} classes (a softmax output)") \
    X(ChangedBinary, "changed.binary", "2 classes (one output, -1/+1)") \
    X(ChangedInputs, "changed.inputs", "the network's inputs are {inputs}") \
    X(InputsFileColumns, "inputs.fileColumns", "the file's {n} columns") \
    X(InputsFeatures, "inputs.features", "the features of (x1, x2)") \
    X(ChangedAfresh, "changed.afresh", "the weights start afresh") \
    /* JSON text (session/json_reader.cpp): "<what> at line L, column C" */ \
    X(JsonAt, "json.at", "{what} at line {line}, column {column}") \
    X(JsonTooLong, "json.tooLong", "the JSON text is {bytes} bytes; at most {max} are read") \
    X(JsonAfterValue, "json.afterValue", "unexpected text after the JSON value") \
    X(JsonTooManyValues, "json.tooManyValues", "more than {max} values (the largest network has fewer)") \
    X(JsonInvalidLiteral, "json.invalidLiteral", "invalid literal") \
    X(JsonTooDeep, "json.tooDeep", "nesting deeper than {max} levels") \
    X(JsonEnd, "json.end", "unexpected end of the text") \
    X(JsonTruncated, "json.truncated", "unexpected end of the text (a truncated file?)") \
    X(JsonNanInfinity, "json.nanInfinity", "NaN and Infinity are not JSON numbers") \
    X(JsonUnexpectedChar, "json.unexpectedChar", "unexpected character '{char}'") \
    X(JsonNeedDigits, "json.needDigits", "a number needs digits") \
    X(JsonNeedFraction, "json.needFraction", "a number needs digits after '.'") \
    X(JsonNeedExponent, "json.needExponent", "a number needs exponent digits") \
    X(JsonUnreadable, "json.unreadable", "number not readable (is the C locale in use?)") \
    X(JsonBeyondDouble, "json.beyondDouble", "number {number} is beyond double range") \
    X(JsonTruncatedEscape, "json.truncatedEscape", "truncated \\u escape") \
    X(JsonBadHex, "json.badHex", "bad hex digit in a \\u escape") \
    X(JsonUnterminated, "json.unterminated", "unterminated string") \
    X(JsonControlChar, "json.controlChar", "control character in a string") \
    X(JsonLoneSurrogate, "json.loneSurrogate", "lone surrogate in a \\u escape") \
    X(JsonBadSurrogate, "json.badSurrogate", "bad surrogate pair") \
    X(JsonUnknownEscape, "json.unknownEscape", "unknown escape in a string") \
    X(JsonExpectedKey, "json.expectedKey", "expected a quoted key") \
    X(JsonExpectedColon, "json.expectedColon", "expected ':' after a key") \
    X(JsonArrayComma, "json.arrayComma", "expected ',' or ']' in an array") \
    /* the closing brace is an argument: a brace in a template would open a placeholder */ \
    X(JsonObjectComma, "json.objectComma", "expected ',' or '{brace}' in an object") \
    /* what a JSON value is, in "<member> is <kind>, not ..." */ \
    X(KindNull, "kind.null", "null") \
    X(KindBoolean, "kind.boolean", "a boolean") \
    X(KindNumber, "kind.number", "a number") \
    X(KindString, "kind.string", "a string") \
    X(KindArray, "kind.array", "an array") \
    X(KindObject, "kind.object", "an object") \
    /* model files (session/model_io.cpp, model_fields.cpp, model_state.cpp): "model JSON: <why>" */ \
    X(ModelJson, "model.json", "model JSON: {why}") \
    X(ModelTooLarge, "model.tooLarge", "the file is {bytes} bytes; a model file is at most {max} bytes (the largest network, {layers} x {neurons}, writes about 28.5 MB with Adam's state)") \
    X(ModelUtf16, "model.utf16", "the file is UTF-16 text; save it as UTF-8") \
    X(ModelTopLevel, "model.topLevel", "the top level must be an object") \
    X(ModelFormat, "model.format", "\"format\" must be \"{format}\"") \
    X(ModelVersion, "model.version", "version {version} is not supported (1)") \
    X(ModelNoConfig, "model.noConfig", "\"config\" (the URL hash) is missing") \
    X(ModelConfig, "model.config", "config: {why}") \
    X(ModelInputs, "model.inputs", "\"inputs\" must be [{inputs}] as the config says") \
    X(ModelNoLayers, "model.noLayers", "\"layers\" (an array) is missing") \
    X(ModelLayerCount, "model.layerCount", "\"layers\" has {n} layers; the config's network has {want}") \
    X(ModelNegativeCounters, "model.negativeCounters", "\"epoch\" and \"updates\" cannot be negative") \
    /* one layer of "layers": "layer <index>: <why>" */ \
    X(ModelLayer, "model.layer", "layer {index}: {why}") \
    X(ModelLayerNotObject, "model.layerNotObject", "is {kind}, not an object") \
    X(ModelLayerSize, "model.layerSize", "is {nIn} -> {nOut}, but the config's network has {wantIn} -> {wantOut}") \
    X(ModelAsConfig, "model.asConfig", "\"{key}\" must be \"{value}\" as the config says") \
    X(ModelResidual, "model.residual", "\"residual\" must be {value} (skips join equal-width hidden layers when the config has residual=true)") \
    X(ModelRows, "model.rows", "\"W\" must be an array of {n} rows") \
    X(ModelBatchNormUnexpected, "model.batchNormUnexpected", "has \"batchNorm\", but the config has no batchNorm") \
    X(ModelBatchNormMissing, "model.batchNormMissing", "\"batchNorm\" {members} is missing") \
    X(ModelNegativeVariance, "model.negativeVariance", "batchNorm.runningVar has a negative variance") \
    /* a member of a model file; {what} names it as the file does ("W[2]", "state.m", "\"version\"") */ \
    X(ModelMissing, "model.missing", "{what} is missing") \
    X(ModelNotInteger, "model.notInteger", "{what} is not an integer") \
    X(ModelNotArray, "model.notArray", "{what} is {kind}, not an array") \
    X(ModelNotObject, "model.notObject", "{what} is {kind}, not an object") \
    X(ModelNotNumber, "model.notNumber", "{what} is {kind}, not a number") \
    X(ModelNumbers, "model.numbers", "{what} has {n} numbers; the network needs {want}") \
    X(ModelNotFloat, "model.notFloat", "{what} = {value} is not a finite float32 number") \
    X(ModelNegative, "model.negative", "{what} cannot be negative") \
    /* the training state (model_state.cpp); members of "state" read "state: <why>" */ \
    X(ModelState, "model.state", "state: {why}") \
    X(ModelNumberIn, "model.numberIn", "{what} must be a number in [{lo}, {hi}]") \
    X(ModelDropoutStream, "model.dropoutStream", "\"dropoutStream\" must be an array of 4 integers in [0, 4294967295]") \
    X(ModelBase64, "model.base64", "{what} must be a base64 string (float32 little-endian bytes)") \
    X(ModelHolds, "model.holds", "{what} holds {n} numbers; the network needs {want}") \
    X(ModelNotFinite, "model.notFinite", "{what} is not a finite float32 number") \
    X(ModelNegativeV, "model.negativeV", "{what} = {value} is negative (a mean of squares)") \
    X(ModelDeadMask, "model.deadMask", "\"deadWeights\" must be a base64 bit mask of {bytes} bytes") \
    X(ModelDeadNotWeight, "model.deadNotWeight", "\"deadWeights\" marks parameter {k}, which is not a weight; only weights can be dead") \
    /* restoring a loaded model into a session (session_edit.cpp set_state, set_training_state) */ \
    X(RestoreParams, "restore.params", "the model has {n} parameters, this network {want}") \
    X(RestoreStats, "restore.stats", "the model has {n} batch-norm running statistics, this network {want}") \
    X(RestoreParamNotFinite, "restore.paramNotFinite", "a parameter is not a finite number") \
    X(RestoreStatNotFinite, "restore.statNotFinite", "a running statistic is not finite (or a variance is negative)") \
    X(RestoreOptimizerSize, "restore.optimizerSize", "the optimizer state has {n} entries, this network {want} parameters") \
    X(RestorePosition, "restore.position", "position {position} is outside the training set ({n} points)") \
    X(RestoreCarried, "restore.carried", "the carried samples ({n}) do not fit a batch of {batch}") \
    X(RestoreBufferNotFinite, "restore.bufferNotFinite", "an optimizer buffer entry is not finite (or a v entry is negative)") \
    X(RestoreOnlyWeightsDead, "restore.onlyWeightsDead", "only weights can be dead") \
    X(RestoreCarriedNotFinite, "restore.carriedNotFinite", "a carried gradient is not finite") \
    X(RestoreAdam, "restore.adam", "the Adam step is negative or a beta power is outside [0, 1]") \
    X(RestoreDropoutZero, "restore.dropoutZero", "the dropout stream's state is all zero")
// clang-format on
