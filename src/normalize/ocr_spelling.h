// ocr_spelling.h — what OCR gets wrong on a scan that the document can put
// right: diacritics, by the Estonian lexicon; item numbers, by their sequence.
//
// On a speckled or soft scan Tesseract gives a letter the dots of a speck
// above it ("toetämine", "Müude", "paküb") and takes õ for ö. A word read by
// OCR that Hunspell's et_EE does not accept is tried with each of its
// letters ä, ö, õ, ü, š, ž in turn made plain (and õ, ö swapped); when
// exactly one such change gives a word the lexicon lists (a form of one of
// its entries: a compound it would merely accept, "tahe+lepanu", does not
// count), that is the word. Anything else — a word it accepts, a name or an acronym it does not
// know, two or more candidates — stays as read. A plain letter is never
// given a diacritic, and born-digital text is never touched.
#pragma once

#include <string>
#include <vector>

#include "extract/pdf.h"
#include "normalize/hyphen.h"

namespace aj::normalize {

struct OcrCorrection {
  int page = 0;
  std::string from, to;
};

// Corrects the words of doc's OCR'd pages in place; returns what it changed.
std::vector<OcrCorrection> correct_ocr_diacritics(extract::Document& doc, const hyphen::Resolver& lexicon);

// Item numbers OCR misread ("8.5." between "3.4." and "3.6.", "2.4:" among
// "2.3." and "2.5."): the numbers opening lines of OCR'd pages, in reading
// order, form lists; one whose major number differs from that of the two
// neighbours that agree (before and after, or the two after it for a first
// item, the two before for a last) while its own minor number fits between
// or before them takes theirs, and their closing mark. Returns the changes.
std::vector<OcrCorrection> correct_ocr_item_numbers(extract::Document& doc);

// One word (letters, perhaps with marks around it): the corrected word, or
// the word itself.
std::string correct_ocr_word(const std::string& word, const hyphen::Resolver& lexicon);

}  // namespace aj::normalize
