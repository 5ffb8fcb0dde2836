// test_org_base_form.cpp — base forms of position names (normalize/base_form.h)
// over the names the corpus writes: the managers, substitutes and
// subordinates of the truth files (corpus/*/*.json, corpus/real/*.json), each
// beside the title it names, in the case it stands in.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "corpus_paths.h"
#include "normalize/base_form.h"

using aj::normalize::BaseForms;

namespace {

const BaseForms& base_forms() {
  static const std::unique_ptr<BaseForms> b = [] {
    std::string error;
    auto p = BaseForms::load(aj::normalize::base_form_rules_file(aj::test::grammars()), &error);
    REQUIRE_MESSAGE(p != nullptr, error);
    return p;
  }();
  return *b;
}

void check_all(const std::vector<std::pair<const char*, const char*>>& cases) {
  for (const auto& [written, base] : cases) {
    INFO(written);
    CHECK(base_forms().of(written) == base);
  }
}

}  // namespace

TEST_CASE("base form: names in the cases the seeds and directives write them") {
  check_all({
      {"Talituse juhataja", "talituse juhataja"},
      {"Talitusejuhataja", "talitusejuhataja"},
      {"Peaspetsialisti", "peaspetsialist"},
      {"Peaspetsialist", "peaspetsialist"},
      {"eksperdid (ennetus- ja arendustegevused)", "ekspert (ennetus- ja arendustegevused)"},
      {"peaspetsialistid (aruandlus)", "peaspetsialist (aruandlus)"},
      {"ekspert (ohvriabi ärianalüüsid)", "ekspert (ohvriabi ärianalüüsid)"},
      {"Juhtivspetsialist (OA kriisitelefon)", "juhtivspetsialist (oa kriisitelefon)"},
      {"Tiimijuht", "tiimijuht"},
      {"Nõustaja", "nõustaja"},
  });
}

TEST_CASE("base form: allative, adessive, partitive and plural heads of corpus/real") {
  check_all({
      {"hooldetalituse juhatajale", "hooldetalituse juhataja"},
      {"juhatajat", "juhataja"},
      {"direktorit", "direktor"},
      {"rahvusvahelise koostöö büroo juhile", "rahvusvahelise koostöö büroo juht"},
      {"Ida majandustalituse maismaasõidukite grupijuhile", "ida majandustalituse maismaasõidukite grupijuht"},
      {"vallasekretärile.", "vallasekretär"},
      {"osakonna teenistujad", "osakonna teenistuja"},
      {"osakonna teenistujaid", "osakonna teenistuja"},
      {"liiklusjuhtimiskeskuse teenistujat", "liiklusjuhtimiskeskuse teenistuja"},
      {"nooremraamatupidajat", "nooremraamatupidaja"},
      {"registripidajat", "registripidaja"},
      {"siseauditi juhi määratud isikut", "siseauditi juhi määratud isik"},
      {"teist hooldeinseneri", "teist hooldeinsener"},
      {"lennundusteenistuse direktorile (edaspidi direktor)", "lennundusteenistuse direktor"},
      {"direktori asetäitjale majandusalal.", "direktori asetäitja majandusalal"},
  });
}

TEST_CASE("base form: a nominative stays as written, in lower case") {
  check_all({
      {"spetsialist", "spetsialist"},
      {"ekspert", "ekspert"},
      {"juht", "juht"},
      {"autojuht", "autojuht"},
      {"siseauditi juht", "siseauditi juht"},
      {"JUHTIVAUDIITOR", "juhtivaudiitor"},
      {"RAAMATUKOGUHOIDJA", "raamatukoguhoidja"},
      {"Sekretär-asjaajaja", "sekretär-asjaajaja"},
      {"hooldeinsener", "hooldeinsener"},
      {"vallavanem", "vallavanem"},
      {"Õpetaja", "õpetaja"},
      {"Direktori asetäitja õppekasvatustöö alal", "direktori asetäitja õppekasvatustöö alal"},
      {"grupijuht (teenuse omanik)", "grupijuht (teenuse omanik)"},
      {"", ""},
  });
}
