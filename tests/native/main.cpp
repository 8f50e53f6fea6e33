// main.cpp: doctest entry point for the native suites (one file per src folder).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
