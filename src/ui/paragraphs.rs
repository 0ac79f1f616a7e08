//! Splitting a document into the paragraphs the article view lays out one by one: a
//! paragraph is a line of the text, without its line break (`\n`, or `\r\n`). The
//! break's code points belong to no paragraph but still count in every offset, so a
//! selection across paragraphs includes them exactly as the stored text has them.

use crate::model::CharRange;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Code points of the paragraph's text (without the line break).
    pub chars: CharRange,
    /// The same text's byte range.
    pub byte_start: usize,
    pub byte_end: usize,
}

impl Paragraph {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.byte_start..self.byte_end]
    }

    pub fn len_chars(&self) -> usize {
        self.chars.len_chars()
    }
}

/// The paragraphs of `text`, in order; an empty text has one empty paragraph.
pub fn split(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut start_byte = 0;
    let mut start_char = 0;
    let mut chars = 0;
    for (byte, ch) in text.char_indices() {
        if ch == '\n' {
            let (end_byte, end_char) = if text[..byte].ends_with('\r') && byte > start_byte {
                (byte - 1, chars - 1)
            } else {
                (byte, chars)
            };
            out.push(Paragraph {
                chars: CharRange::new(start_char, end_char),
                byte_start: start_byte,
                byte_end: end_byte,
            });
            start_byte = byte + 1;
            start_char = chars + 1;
        }
        chars += 1;
    }
    out.push(Paragraph {
        chars: CharRange::new(start_char, chars),
        byte_start: start_byte,
        byte_end: text.len(),
    });
    out
}

/// The index of the paragraph holding code point `at`, or the one just before it when
/// `at` falls on a line break.
pub fn index_of(paragraphs: &[Paragraph], at: usize) -> usize {
    paragraphs
        .partition_point(|p| p.chars.start.0 <= at)
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
        assert_eq!(index_of(&paras, 6), 0);
        assert_eq!(index_of(&paras, 10), 2);
        assert_eq!(index_of(&paras, 13), 3);
        assert_eq!(split("").len(), 1);
        assert_eq!(split("a\n").len(), 2);
    }
}
