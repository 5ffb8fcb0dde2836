// layout_options.h — the layout stage's options as the grammars set them
// (the page-furniture patterns of _common.toml): the one place that maps
// grammars to layout, used by the pipeline (import, export) and by
// `ametijuhend layout`, so both set aside the same headers and footers.
#pragma once

#include "layout/layout.h"
#include "recognize/grammar.h"

namespace aj::pipeline {

layout::Options layout_options(const recognize::GrammarSet& grammars);

}  // namespace aj::pipeline
