//! Text positions and the one place that converts between them.
//!
//! Spanmark's offsets are Unicode code points, end exclusive: exactly Python's
//! `text[start:end]`. Rust strings are indexed by UTF-8 bytes and JavaScript (and
//! doccano, Label Studio) count UTF-16 code units, so three distinct types exist
//! ([`CharOffset`], [`ByteOffset`], [`Utf16Offset`]) and every conversion between
//! them goes through [`OffsetIndex`], built once per text.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A position in a text counted in Unicode code points (Python's `str` index).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct CharOffset(pub usize);

/// A position in a text counted in UTF-8 bytes (Rust's `str` index).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ByteOffset(pub usize);

/// A position in a text counted in UTF-16 code units (JavaScript's string index).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Utf16Offset(pub usize);

impl fmt::Display for CharOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A half-open range `[start, end)` of code points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CharRange {
    pub start: CharOffset,
    pub end: CharOffset,
}

impl CharRange {
    pub fn new(start: usize, end: usize) -> Self {
        Self {
            start: CharOffset(start),
            end: CharOffset(end),
        }
    }

    pub fn len_chars(&self) -> usize {
        self.end.0.saturating_sub(self.start.0)
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    pub fn contains(&self, offset: CharOffset) -> bool {
        self.start <= offset && offset < self.end
    }
}

impl fmt::Display for CharRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start.0, self.end.0)
    }
}

/// How many code points lie between two checkpoints of an [`OffsetIndex`].
const CHECKPOINT_CHARS: usize = 64;

/// Converts code-point offsets of one text to UTF-8 byte and UTF-16 offsets.
///
/// Building it is one pass over the text; each lookup then scans at most
/// [`CHECKPOINT_CHARS`] characters. Pure-ASCII texts (every offset equal) need no table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OffsetIndex {
    len_chars: usize,
    len_bytes: usize,
    len_utf16: usize,
    /// `(byte, utf16)` of code point `i * CHECKPOINT_CHARS`; empty for ASCII texts.
    checkpoints: Vec<(usize, usize)>,
}

impl OffsetIndex {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return Self {
                len_chars: text.len(),
                len_bytes: text.len(),
                len_utf16: text.len(),
                checkpoints: Vec::new(),
            };
        }
        let mut checkpoints = Vec::with_capacity(text.len() / CHECKPOINT_CHARS + 1);
        let mut utf16 = 0;
        let mut chars = 0;
        for (byte, ch) in text.char_indices() {
            if chars % CHECKPOINT_CHARS == 0 {
                checkpoints.push((byte, utf16));
            }
            chars += 1;
            utf16 += ch.len_utf16();
        }
        Self {
            len_chars: chars,
            len_bytes: text.len(),
            len_utf16: utf16,
            checkpoints,
        }
    }

    /// The length of the text in code points.
    pub fn len_chars(&self) -> usize {
        self.len_chars
    }

    pub fn len_utf16(&self) -> usize {
        self.len_utf16
    }

    fn is_ascii(&self) -> bool {
        self.checkpoints.is_empty()
    }

    /// The byte and UTF-16 position of `offset`, or `None` past the end of the text.
    pub fn locate(&self, text: &str, offset: CharOffset) -> Option<(ByteOffset, Utf16Offset)> {
        if offset.0 > self.len_chars {
            return None;
        }
        if offset.0 == self.len_chars {
            return Some((ByteOffset(self.len_bytes), Utf16Offset(self.len_utf16)));
        }
        if self.is_ascii() {
            return Some((ByteOffset(offset.0), Utf16Offset(offset.0)));
        }
        let (mut byte, mut utf16) = self.checkpoints[offset.0 / CHECKPOINT_CHARS];
        for ch in text[byte..].chars().take(offset.0 % CHECKPOINT_CHARS) {
            byte += ch.len_utf8();
            utf16 += ch.len_utf16();
        }
        Some((ByteOffset(byte), Utf16Offset(utf16)))
    }

    pub fn to_byte(&self, text: &str, offset: CharOffset) -> Option<ByteOffset> {
        self.locate(text, offset).map(|(byte, _)| byte)
    }

    pub fn to_utf16(&self, text: &str, offset: CharOffset) -> Option<Utf16Offset> {
        self.locate(text, offset).map(|(_, utf16)| utf16)
    }

    /// The code point at byte `offset`, or `None` if it is past the end or not on a
    /// character boundary.
    pub fn from_byte(&self, text: &str, offset: ByteOffset) -> Option<CharOffset> {
        if offset.0 > text.len() || !text.is_char_boundary(offset.0) {
            return None;
        }
        if self.is_ascii() {
            return Some(CharOffset(offset.0));
        }
        let block = self.checkpoints.partition_point(|&(b, _)| b <= offset.0) - 1;
        let (start, _) = self.checkpoints[block];
        Some(CharOffset(
            block * CHECKPOINT_CHARS + text[start..offset.0].chars().count(),
        ))
    }

    /// The code point at UTF-16 `offset`, or `None` if it is past the end or falls
    /// between the two halves of a surrogate pair.
    pub fn from_utf16(&self, text: &str, offset: Utf16Offset) -> Option<CharOffset> {
        if offset.0 > self.len_utf16 {
            return None;
        }
        if self.is_ascii() {
            return Some(CharOffset(offset.0));
        }
        let block = self.checkpoints.partition_point(|&(_, u)| u <= offset.0) - 1;
        let (byte, mut utf16) = self.checkpoints[block];
        let mut chars = block * CHECKPOINT_CHARS;
        for ch in text[byte..].chars() {
            if utf16 >= offset.0 {
                break;
            }
            utf16 += ch.len_utf16();
            chars += 1;
        }
        (utf16 == offset.0).then_some(CharOffset(chars))
    }

    /// The text of a code-point range, or `None` if it is out of bounds or reversed.
    pub fn slice<'t>(&self, text: &'t str, range: CharRange) -> Option<&'t str> {
        if range.start > range.end {
            return None;
        }
        let start = self.to_byte(text, range.start)?;
        let end = self.to_byte(text, range.end)?;
        Some(&text[start.0..end.0])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Python's `len(text[:n].encode('utf-16-le')) // 2`, computed the slow way.
    fn utf16_of(text: &str, chars: usize) -> usize {
        text.chars().take(chars).map(char::len_utf16).sum()
    }

    fn check_all_positions(text: &str) {
        let index = OffsetIndex::new(text);
        let n = text.chars().count();
        assert_eq!(index.len_chars(), n);
        for i in 0..=n {
            let byte: usize = text.chars().take(i).map(char::len_utf8).sum();
            let (b, u) = index.locate(text, CharOffset(i)).unwrap();
            assert_eq!(b, ByteOffset(byte), "byte of {i} in {text:?}");
            assert_eq!(
                u,
                Utf16Offset(utf16_of(text, i)),
                "utf16 of {i} in {text:?}"
            );
            assert_eq!(index.from_byte(text, b), Some(CharOffset(i)));
            assert_eq!(index.from_utf16(text, u), Some(CharOffset(i)));
        }
        assert_eq!(index.locate(text, CharOffset(n + 1)), None);
    }

    #[test]
    fn emoji_are_one_code_point_and_two_utf16_units() {
        let text = "Hi 👋🏽 \"we will win\" 🇺🇦!";
        let index = OffsetIndex::new(text);
        // 👋🏽 is two code points (hand + skin tone), each astral.
        let start = text.chars().position(|c| c == 'w').unwrap();
        // Python: t.index("w") == 7, UTF-16 units 9, UTF-8 bytes 13.
        assert_eq!(start, 7);
        assert_eq!(
            index.to_utf16(text, CharOffset(start)),
            Some(Utf16Offset(9))
        );
        assert_eq!(index.to_byte(text, CharOffset(start)), Some(ByteOffset(13)));
        assert_eq!(
            index.slice(text, CharRange::new(7, 18)),
            Some("we will win")
        );
        // The middle of a surrogate pair is no code point.
        assert_eq!(index.from_utf16(text, Utf16Offset(4)), None);
        // The middle of a UTF-8 sequence is no code point.
        assert_eq!(index.from_byte(text, ByteOffset(4)), None);
        check_all_positions(text);
    }

    #[test]
    fn combining_marks_count_as_their_own_code_points() {
        // "é" written as e + U+0301: two code points, as in Python.
        let text = "Cafe\u{301} \u{5d0}\u{5b8} ok";
        let index = OffsetIndex::new(text);
        assert_eq!(index.len_chars(), 11);
        assert_eq!(index.slice(text, CharRange::new(0, 5)), Some("Cafe\u{301}"));
        assert_eq!(index.slice(text, CharRange::new(0, 4)), Some("Cafe"));
        check_all_positions(text);
    }

    #[test]
    fn cjk_is_three_bytes_one_unit() {
        let text = "習近平說：「我們會贏」。";
        let index = OffsetIndex::new(text);
        assert_eq!(index.to_byte(text, CharOffset(6)), Some(ByteOffset(18)));
        assert_eq!(index.to_utf16(text, CharOffset(6)), Some(Utf16Offset(6)));
        assert_eq!(index.slice(text, CharRange::new(6, 10)), Some("我們會贏"));
        check_all_positions(text);
    }

    #[test]
    fn crlf_is_two_code_points() {
        let text = "line one\r\nline two\r\n\r\n\"quote\"";
        let index = OffsetIndex::new(text);
        assert_eq!(index.len_chars(), text.len());
        assert_eq!(index.slice(text, CharRange::new(10, 18)), Some("line two"));
        assert_eq!(index.slice(text, CharRange::new(23, 28)), Some("quote"));
        check_all_positions(text);
    }

    #[test]
    fn long_mixed_text_crosses_many_checkpoints() {
        let text = "Київ 🚀 said \"ok\"\r\n".repeat(40);
        check_all_positions(&text);
    }

    #[test]
    fn out_of_range_and_reversed_ranges_give_none() {
        let text = "abc€";
        let index = OffsetIndex::new(text);
        assert_eq!(index.slice(text, CharRange::new(2, 5)), None);
        assert_eq!(index.slice(text, CharRange::new(3, 2)), None);
        assert_eq!(index.from_byte(text, ByteOffset(99)), None);
        assert_eq!(index.from_utf16(text, Utf16Offset(5)), None);
        assert_eq!(index.slice(text, CharRange::new(3, 4)), Some("€"));
    }

    #[test]
    fn empty_text() {
        check_all_positions("");
    }
}
