//! Splitting a document into the paragraphs the article view lays out one by one, and
//! the one place where a document's code-point offsets become a paragraph's own and
//! back ([`Paragraph::local_range`], [`Paragraph::local_char`], [`Paragraph::global`]).
//! A paragraph is a line of the text, without its line break (`\n`, or `\r\n`). The
//! break's code points belong to no paragraph but still count in every offset, so a
//! selection across paragraphs includes them exactly as the stored text has them.
//!
//! A very long line (a transcript without line breaks) is cut into pieces of at most
//! [`MAX_PIECE_CHARS`], at a blank where one is near, so no single layout is huge; the
//! pieces are contiguous, so selection and highlights run across them unchanged. Bytes
//! and code points are converted by the document's [`OffsetIndex`] only.

use crate::model::{ByteOffset, CharOffset, CharRange, OffsetIndex};
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Code points of the paragraph's text (without the line break).
    pub chars: CharRange,
    /// The same text's byte range.
    pub byte_start: ByteOffset,
    pub byte_end: ByteOffset,
    /// The next paragraph continues this line (a long line cut for layout).
    pub continued: bool,
}

/// The longest piece of a line laid out at once, in code points.
pub const MAX_PIECE_CHARS: usize = 2000;
/// How far back from the limit a blank is looked for to cut at.
const CUT_SEARCH_CHARS: usize = 200;

impl Paragraph {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.byte_start.0..self.byte_end.0]
    }

    pub fn len_chars(&self) -> usize {
        self.chars.len_chars()
    }

    /// The part of `range` (document code points) in this paragraph, in code points of
    /// the paragraph (0 is its first). Empty when `range` lies before or after it; a
    /// range running across an empty paragraph gives `0..0`, its empty row.
    pub fn local_range(&self, range: CharRange) -> Range<usize> {
        let start = self.chars.start.0;
        let a = range.start.0.max(start) - start;
        let b = range.end.0.min(self.chars.end.0).saturating_sub(start);
        a..b
    }

    /// Code point `at` of the document as a code point of this paragraph, if it is one.
    pub fn local_char(&self, at: CharOffset) -> Option<usize> {
        self.chars.contains(at).then(|| at.0 - self.chars.start.0)
    }

    /// Position `local` of this paragraph (clamped to its end) in the document.
    pub fn global(&self, local: usize) -> CharOffset {
        CharOffset(self.chars.start.0 + local.min(self.len_chars()))
    }
}

/// The paragraphs of `text`, in order; an empty text has one empty paragraph.
pub fn split(text: &str) -> Vec<Paragraph> {
    split_indexed(text, &OffsetIndex::new(text))
}

/// [`split`] with the text's offset index at hand (a document keeps one).
pub fn split_indexed(text: &str, offsets: &OffsetIndex) -> Vec<Paragraph> {
    let lines = Lines { text, offsets };
    let mut out = Vec::new();
    let mut start = 0;
    for (byte, _) in text.match_indices('\n') {
        let end = if byte > start && text.as_bytes()[byte - 1] == b'\r' {
            byte - 1
        } else {
            byte
        };
        lines.push(&mut out, start..end);
        start = byte + 1;
    }
    lines.push(&mut out, start..text.len());
    out
}

/// A text and its offset index, to add its lines to a paragraph list.
struct Lines<'a> {
    text: &'a str,
    offsets: &'a OffsetIndex,
}

impl Lines<'_> {
    /// The code point at byte `byte`, a character boundary of the text.
    fn char_at(&self, byte: usize) -> usize {
        self.offsets
            .from_byte(self.text, ByteOffset(byte))
            .map_or(self.offsets.len_chars(), |c| c.0)
    }

    /// The byte of code point `at` (the text's end past it).
    fn byte_of(&self, at: usize) -> usize {
        self.offsets
            .to_byte(self.text, CharOffset(at))
            .map_or(self.text.len(), |b| b.0)
    }

    /// Adds the line at `bytes`, cut into pieces when it is long.
    fn push(&self, out: &mut Vec<Paragraph>, bytes: Range<usize>) {
        let mut byte = bytes.start;
        let mut char = self.char_at(byte);
        let end_char = self.char_at(bytes.end);
        while end_char - char > MAX_PIECE_CHARS {
            // The byte after MAX_PIECE_CHARS code points, then back to a blank if one is
            // near (in the last CUT_SEARCH_CHARS + 1 code points of the piece).
            let limit = self.byte_of(char + MAX_PIECE_CHARS);
            let window_start = self.byte_of(char + MAX_PIECE_CHARS - 1 - CUT_SEARCH_CHARS);
            let cut = self.text[window_start..limit]
                .rfind(' ')
                .map_or(limit, |i| window_start + i + 1);
            let cut_char = self.char_at(cut);
            out.push(Paragraph {
                chars: CharRange::new(char, cut_char),
                byte_start: ByteOffset(byte),
                byte_end: ByteOffset(cut),
                continued: true,
            });
            byte = cut;
            char = cut_char;
        }
        out.push(Paragraph {
            chars: CharRange::new(char, end_char),
            byte_start: ByteOffset(byte),
            byte_end: ByteOffset(bytes.end),
            continued: false,
        });
    }
}

/// The index of the paragraph holding code point `at`, or the one just before it when
/// `at` falls on a line break.
pub fn index_of(paragraphs: &[Paragraph], at: CharOffset) -> usize {
    paragraphs
        .partition_point(|p| p.chars.start <= at)
        .saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_without_their_breaks() {
        let text = "One 👋\r\n\r\nTwo\nthree";
        let paras = split(text);
        let texts: Vec<&str> = paras.iter().map(|p| p.text(text)).collect();
        assert_eq!(texts, ["One 👋", "", "Two", "three"]);
        assert_eq!(paras[0].chars, CharRange::new(0, 5));
        assert_eq!(paras[1].chars, CharRange::new(7, 7));
        assert_eq!(paras[2].chars, CharRange::new(9, 12));
        assert_eq!(index_of(&paras, CharOffset(6)), 0);
        assert_eq!(index_of(&paras, CharOffset(10)), 2);
        assert_eq!(index_of(&paras, CharOffset(13)), 3);
        assert_eq!(split("").len(), 1);
        assert_eq!(split("a\n").len(), 2);
    }

    #[test]
    fn long_lines_are_cut_into_contiguous_pieces_at_blanks() {
        let text = format!("{}\nend", "word 👋🏽 ".repeat(1000));
        let paras = split(&text);
        assert!(paras.len() > 3, "{}", paras.len());
        let line: Vec<&Paragraph> = paras.iter().take_while(|p| p.continued).collect();
        for pair in paras.windows(2).filter(|w| w[0].continued) {
            assert_eq!(
                pair[0].chars.end, pair[1].chars.start,
                "no gap between pieces"
            );
            assert_eq!(pair[0].byte_end, pair[1].byte_start);
        }
        for p in &line {
            assert!(p.len_chars() <= MAX_PIECE_CHARS);
            assert!(p.text(&text).ends_with(' '), "cut after a blank");
        }
        let joined: String = paras
            .iter()
            .take(line.len() + 1)
            .map(|p| p.text(&text))
            .collect();
        assert_eq!(joined, "word 👋🏽 ".repeat(1000));
        // No blank at all: a hard cut, still contiguous.
        let solid = "x".repeat(5000);
        let paras = split(&solid);
        assert_eq!(
            paras.iter().map(|p| p.len_chars()).collect::<Vec<_>>(),
            [2000, 2000, 1000]
        );
    }

    /// Every paragraph's offsets agree with counting the text by hand.
    fn check_offsets(text: &str) {
        let paras = split(text);
        for p in &paras {
            assert_eq!(p.chars.start.0, text[..p.byte_start.0].chars().count());
            assert_eq!(p.len_chars(), p.text(text).chars().count());
            assert!(!p.text(text).contains('\n'));
        }
        let ends = paras.iter().filter(|p| !p.continued).count();
        assert_eq!(ends, text.matches('\n').count() + 1);
    }

    #[test]
    fn offsets_of_paragraphs_match_the_text_in_every_script() {
        check_offsets("");
        check_offsets("\n\r\n\r");
        check_offsets("\r\nКиїв 👋🏽\r\nΑθήνα, 北京 and ٱلْقُدْس\n\n🇺🇦\r");
        check_offsets(&format!(
            "{}\n{}",
            "中文字 ".repeat(900),
            "ab👋".repeat(1500)
        ));
    }

    #[test]
    fn offsets_are_rebased_to_the_paragraph_and_back() {
        let text = "first 🇺🇦\r\n👋🏽 北京 said so\n";
        let paras = split(text);
        let p = paras[1];
        // "first 🇺🇦" is 8 code points, then CR LF.
        assert_eq!(p.chars, CharRange::new(10, 23));
        assert_eq!(p.text(text), "👋🏽 北京 said so");
        // "said" is at 6..10 of the paragraph.
        assert_eq!(p.local_range(CharRange::new(16, 20)), 6..10);
        let said: String = p.text(text).chars().skip(6).take(4).collect();
        assert_eq!(said, "said");
        // Clipped to the paragraph on both sides; outside it, nothing.
        assert_eq!(p.local_range(CharRange::new(3, 12)), 0..2);
        assert_eq!(p.local_range(CharRange::new(18, 30)), 8..13);
        assert!(p.local_range(CharRange::new(0, 5)).is_empty());
        assert!(p.local_range(CharRange::new(24, 25)).is_empty());
        assert_eq!(p.local_char(CharOffset(10)), Some(0));
        assert_eq!(p.local_char(CharOffset(20)), Some(10));
        assert_eq!(p.local_char(CharOffset(22)), Some(12));
        assert_eq!(p.local_char(CharOffset(23)), None);
        assert_eq!(p.local_char(CharOffset(9)), None);
        assert_eq!(p.global(6), CharOffset(16));
        assert_eq!(p.global(99), CharOffset(23), "clamped to the end");
        // An empty paragraph: a range across it marks its empty row.
        let empty = paras[2];
        assert_eq!(empty.chars, CharRange::new(24, 24));
        assert_eq!(empty.local_range(CharRange::new(20, 25)), 0..0);
    }
}
