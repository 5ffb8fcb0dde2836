// score.h — field-F1 of records against their truth, as the project's
// scorer (shared/tools/score.py) computes it, for `ametijuhend grammar test`.
//
// Every atomic unit counts once: a scalar field is right or wrong (a false
// flag counts as absent); a list field counts its items as true positives,
// false positives and false negatives; tasks pair by number where the truth
// has one, else by position. A truth record with `_scored` is scored on
// those fields only. Text is compared after NFC and collapsing white space.
// f1() is micro (over all units), macro_f1() the mean of the per-field F1s.
// Records pair by (source.file's base name, source.index).
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace aj::recognize {

class Score {
 public:
  struct Counts {
    int tp = 0, fp = 0, fn = 0;
    double f1() const;
  };
  struct Miss {
    std::string where, field;
    nlohmann::json truth, predicted;   // null where one side has nothing
  };

  // Scores the predicted records against the truth records (JSON in the
  // contract's shape); a truth record no prediction pairs with scores as empty.
  void add(const std::vector<nlohmann::json>& truth, const std::vector<nlohmann::json>& predicted);

  double f1() const;
  double macro_f1() const;
  const std::map<std::string, Counts>& fields() const { return fields_; }
  const std::vector<Miss>& misses() const { return misses_; }
  int unpaired() const { return unpaired_; }   // truth records with no prediction

  // One record against its truth (`predicted` null when there is none).
  void record(const nlohmann::json& truth, const nlohmann::json& predicted, const std::string& where);

 private:
  friend struct ScoreOnly;
  void scalar(const std::string& field, const nlohmann::json& truth, const nlohmann::json& predicted,
              const std::string& where);
  void items(const std::string& field, const std::vector<nlohmann::json>& truth,
             const std::vector<nlohmann::json>& predicted, const std::string& where);
  std::map<std::string, Counts> fields_;
  std::vector<Miss> misses_;
  int unpaired_ = 0;
};

}  // namespace aj::recognize
