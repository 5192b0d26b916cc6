#pragma once
// Reading an item's receipts (`evidence = [...]`) and expectations (`expect = [...]`) from the
// state file, each problem a DataError at its line and column.

#include <string>
#include <vector>

#include "formats/toml_location.hpp"
#include "llmchecklist/state.hpp"

namespace llmchecklist::detail {

/// The `evidence` array of [items.ID].
std::vector<Receipt> read_receipts(const toml::node& node, const std::string& path);

/// The `expect` array of [items.ID].
std::vector<Expectation> read_expectations(const toml::node& node, const std::string& path);

/// An `at` date-time normalised to UTC (state_reader.cpp).
std::string read_at(const toml::node& node, const std::string& path);

} // namespace llmchecklist::detail
