//! Word and grapheme boundaries in code-point offsets, for snapping selections: a
//! selection grows to whole words (unless the user holds Alt) and never splits a
//! grapheme cluster (an emoji with its skin tone, a flag, a letter with its accents).
//!
//! Words never cross line breaks, so every function works on the line around the
//! offset, whatever the document's length.

use super::offsets::{CharOffset, CharRange, OffsetIndex};
use unicode_segmentation::UnicodeSegmentation;

/// The line holding code point `at`: its byte range and its first code point.
fn line_around(text: &str, index: &OffsetIndex, at: CharOffset) -> (usize, usize, CharOffset) {
    let byte = index.to_byte(text, at).map_or(text.len(), |b| b.0);
    let start = text[..byte].rfind('\n').map_or(0, |i| i + 1);
    let end = text[byte..].find('\n').map_or(text.len(), |i| byte + i);
    let first = index
        .from_byte(text, super::offsets::ByteOffset(start))
        .unwrap_or(at);
    (start, end, first)
}

/// Byte offset `byte` of `line` (starting at code point `first`) as a code point.
fn to_char(line: &str, first: CharOffset, byte: usize) -> CharOffset {
    CharOffset(first.0 + line[..byte].chars().count())
}

fn to_line_byte(line: &str, first: CharOffset, at: CharOffset) -> usize {
    line.char_indices()
        .nth(at.0.saturating_sub(first.0))
        .map_or(line.len(), |(b, _)| b)
}

fn is_word(segment: &str) -> bool {
    segment.chars().any(char::is_alphanumeric)
}

/// The grapheme cluster holding `at`, as a code-point range.
pub fn grapheme_at(text: &str, index: &OffsetIndex, at: CharOffset) -> CharRange {
    let (start, end, first) = line_around(text, index, at);
    let line = &text[start..end];
    let byte = to_line_byte(line, first, at);
    for (b, g) in line.grapheme_indices(true) {
        if b <= byte && byte < b + g.len() {
            return CharRange {
                start: to_char(line, first, b),
                end: to_char(line, first, b + g.len()),
            };
        }
    }
    CharRange {
        start: at,
        end: CharOffset(at.0 + 1),
    }
}

/// The word (letters or digits) holding `at`, or `None` on blanks and punctuation.
pub fn word_at(text: &str, index: &OffsetIndex, at: CharOffset) -> Option<CharRange> {
    let (start, end, first) = line_around(text, index, at);
    let line = &text[start..end];
    let byte = to_line_byte(line, first, at);
    line.split_word_bound_indices()
        .find(|(b, w)| *b <= byte && byte < b + w.len())
        .filter(|(_, w)| is_word(w))
        .map(|(b, w)| CharRange {
            start: to_char(line, first, b),
            end: to_char(line, first, b + w.len()),
        })
}

/// Grows `range` so it splits no grapheme cluster.
pub fn snap_to_graphemes(text: &str, index: &OffsetIndex, range: CharRange) -> CharRange {
    if range.is_empty() {
        return range;
    }
    let start = grapheme_at(text, index, range.start).start;
    let end = grapheme_at(text, index, CharOffset(range.end.0 - 1)).end;
    CharRange { start, end }
}

/// Snaps a dragged range to words: a partly covered word is taken whole, blanks at
/// either edge are dropped, punctuation the user reached is kept. Graphemes are never
/// split. A range of blanks only stays as it is. As the annotation guidelines want:
/// a number keeps the currency sign before or after it (`$90`, `20€`) and the percent
/// sign after it (`40%`), and words ending right before sentence punctuation and a
/// closing quotation mark keep the punctuation (`we will win.”`).
pub fn snap_to_words(text: &str, index: &OffsetIndex, range: CharRange) -> CharRange {
    if range.is_empty() {
        return range;
    }
    let mut start = range.start;
    let mut end = range.end;
    let is_blank = |at: CharOffset| {
        index
            .slice(
                text,
                CharRange {
                    start: at,
                    end: CharOffset(at.0 + 1),
                },
            )
            .is_some_and(|s| s.chars().all(char::is_whitespace))
    };
    while start < end && is_blank(start) {
        start.0 += 1;
    }
    while end > start && is_blank(CharOffset(end.0 - 1)) {
        end.0 -= 1;
    }
    if start >= end {
        return snap_to_graphemes(text, index, range);
    }
    if let Some(word) = word_at(text, index, start) {
        start = word.start;
    }
    if let Some(word) = word_at(text, index, CharOffset(end.0 - 1)) {
        end = word.end;
    }
    let char_at = |at: CharOffset| {
        let one = CharRange {
            start: at,
            end: CharOffset(at.0 + 1),
        };
        index.slice(text, one).and_then(|s| s.chars().next())
    };
    let digit = |at: CharOffset| char_at(at).is_some_and(|c| c.is_ascii_digit());
    if start.0 > 0 && digit(start) && char_at(CharOffset(start.0 - 1)).is_some_and(is_currency) {
        start.0 -= 1;
    }
    if end.0 > 0 && digit(CharOffset(end.0 - 1)) {
        if char_at(end).is_some_and(|c| is_currency(c) || matches!(c, '%' | '‰' | '‱')) {
            end.0 += 1;
        }
    } else if char_at(end).is_some_and(|c| matches!(c, '.' | '?' | '!' | '…'))
        && char_at(CharOffset(end.0 + 1)).is_some_and(is_closing_quote)
    {
        end.0 += 1;
    }
    snap_to_graphemes(text, index, CharRange { start, end })
}

/// A currency sign (Unicode's Sc category).
fn is_currency(c: char) -> bool {
    matches!(c,
        '$' | '\u{a2}'..='\u{a5}' | '\u{58f}' | '\u{60b}' | '\u{7fe}' | '\u{7ff}'
        | '\u{9f2}' | '\u{9f3}' | '\u{9fb}' | '\u{af1}' | '\u{bf9}' | '\u{e3f}'
        | '\u{17db}' | '\u{20a0}'..='\u{20c0}' | '\u{a838}' | '\u{fdfc}' | '\u{fe69}'
        | '\u{ff04}' | '\u{ffe0}' | '\u{ffe1}' | '\u{ffe5}' | '\u{ffe6}')
}

/// A mark that closes a quotation.
fn is_closing_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201d}' | '\u{2019}' | '\u{bb}' | '\u{203a}' | '\u{300d}' | '\u{300f}'
    )
}

/// The next (`forward`) or previous grapheme boundary from `at`.
pub fn step_grapheme(text: &str, index: &OffsetIndex, at: CharOffset, forward: bool) -> CharOffset {
    if forward {
        if at.0 >= index.len_chars() {
            return at;
        }
        grapheme_at(text, index, at).end
    } else {
        if at.0 == 0 {
            return at;
        }
        grapheme_at(text, index, CharOffset(at.0 - 1)).start
    }
}

/// The next word end (`forward`) or previous word start from `at`, across lines.
pub fn step_word(text: &str, index: &OffsetIndex, at: CharOffset, forward: bool) -> CharOffset {
    let len = index.len_chars();
    let mut pos = at;
    // Skip what is not a word, then the word itself.
    if forward {
        while pos.0 < len && word_at(text, index, pos).is_none() {
            pos = step_grapheme(text, index, pos, true);
        }
        word_at(text, index, pos).map_or(pos, |w| w.end)
    } else {
        while pos.0 > 0 && word_at(text, index, CharOffset(pos.0 - 1)).is_none() {
            pos = step_grapheme(text, index, pos, false);
        }
        if pos.0 == 0 {
            return pos;
        }
        word_at(text, index, CharOffset(pos.0 - 1)).map_or(pos, |w| w.start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(text: &str, start: usize, end: usize) -> &str {
        let index = OffsetIndex::new(text);
        let r = snap_to_words(text, &index, CharRange::new(start, end));
        index.slice(text, r).unwrap()
    }

    #[test]
    fn partial_words_grow_and_blanks_are_trimmed() {
        let text = "He said “we will win” today.";
        assert_eq!(snap(text, 10, 18), "we will win");
        // The trailing blank is dropped, the word before it kept whole.
        assert_eq!(snap(text, 10, 17), "we will");
        assert_eq!(snap(text, 7, 12), "“we");
        assert_eq!(snap(text, 8, 13), "“we will");
        // Blanks alone stay as they are.
        assert_eq!(snap(text, 2, 3), " ");
    }

    #[test]
    fn emoji_and_flags_are_never_split() {
        let text = "Hi 👋🏽 and 🇺🇦 ok";
        let index = OffsetIndex::new(text);
        // Code point 4 is the skin tone of 👋🏽: the whole emoji is taken.
        let r = snap_to_graphemes(text, &index, CharRange::new(4, 5));
        assert_eq!(index.slice(text, r), Some("👋🏽"));
        // Half a flag grows to the flag.
        let r = snap_to_words(text, &index, CharRange::new(10, 11));
        assert_eq!(index.slice(text, r), Some("🇺🇦"));
        assert_eq!(
            step_grapheme(text, &index, CharOffset(3), true),
            CharOffset(5)
        );
        assert_eq!(
            step_grapheme(text, &index, CharOffset(5), false),
            CharOffset(3)
        );
    }

    #[test]
    fn numbers_keep_their_currency_and_percent_signs() {
        let text = "It cost $90 billion, 20€ or 40% more; the $ sign.";
        let index = OffsetIndex::new(text);
        let find = |s: &str| text[..text.find(s).unwrap()].chars().count();
        let drag = |from: usize, to: usize| {
            let r = snap_to_words(text, &index, CharRange::new(from, to));
            index.slice(text, r).unwrap().to_owned()
        };
        // From inside "90" to inside "billion": the dollar comes along.
        let ninety = find("90");
        assert_eq!(drag(ninety + 1, ninety + 6), "$90 billion");
        let twenty = find("20€");
        assert_eq!(drag(twenty, twenty + 1), "20€");
        let forty = find("40%");
        assert_eq!(drag(forty, forty + 1), "40%");
        // A sign that is not beside a number stays out.
        let sign = find("sign");
        assert_eq!(drag(sign, sign + 2), "sign");
        assert_eq!(drag(find("cost"), find("cost") + 2), "cost");
    }

    #[test]
    fn quoted_words_keep_the_sentence_punctuation_inside_the_marks() {
        let text = "“We will win.” Then “again”, he said. Is it?";
        let index = OffsetIndex::new(text);
        let find = |s: &str| text[..text.find(s).unwrap()].chars().count();
        let drag = |from: usize, to: usize| {
            let r = snap_to_words(text, &index, CharRange::new(from, to));
            index.slice(text, r).unwrap().to_owned()
        };
        let we = find("We");
        assert_eq!(drag(we, we + 9), "We will win.");
        // No mark after the full stop, or none before the comma: as dragged.
        let said = find("said");
        assert_eq!(drag(said, said + 2), "said");
        let again = find("again");
        assert_eq!(drag(again, again + 2), "again");
    }

    #[test]
    fn accents_stay_with_their_letters() {
        let text = "Cafe\u{301} noir";
        let index = OffsetIndex::new(text);
        let r = snap_to_words(text, &index, CharRange::new(1, 2));
        assert_eq!(index.slice(text, r), Some("Cafe\u{301}"));
        let r = snap_to_graphemes(text, &index, CharRange::new(3, 4));
        assert_eq!(index.slice(text, r), Some("e\u{301}"));
    }

    #[test]
    fn words_and_steps_across_lines() {
        let text = "Київ said\r\n\r\n270 drones";
        let index = OffsetIndex::new(text);
        assert_eq!(
            word_at(text, &index, CharOffset(1)),
            Some(CharRange::new(0, 4))
        );
        assert_eq!(word_at(text, &index, CharOffset(4)), None);
        assert_eq!(step_word(text, &index, CharOffset(0), true), CharOffset(4));
        assert_eq!(step_word(text, &index, CharOffset(4), true), CharOffset(9));
        assert_eq!(step_word(text, &index, CharOffset(9), true), CharOffset(16));
        assert_eq!(
            step_word(text, &index, CharOffset(13), false),
            CharOffset(5)
        );
        assert_eq!(step_word(text, &index, CharOffset(3), false), CharOffset(0));
        // A selection across the blank lines keeps both ends' words.
        let r = snap_to_words(text, &index, CharRange::new(6, 15));
        assert_eq!(index.slice(text, r), Some("said\r\n\r\n270"));
    }
}
