// layout_options.cpp — the furniture patterns, copied from the grammars.
#include "pipeline/layout_options.h"

namespace aj::pipeline {

layout::Options layout_options(const recognize::GrammarSet& grammars) {
  layout::Options options;
  options.furniture_patterns = grammars.common.furniture;
  return options;
}

}  // namespace aj::pipeline
