//! Splitting a document into the paragraphs the article view lays out one by one: a
//! paragraph is a line of the text, without its line break (`\n`, or `\r\n`). The
//! break's code points belong to no paragraph but still count in every offset, so a
//! selection across paragraphs includes them exactly as the stored text has them.
//!
//! A very long line (a transcript without line breaks) is cut into pieces of at most
//! [`MAX_PIECE_CHARS`], at a blank where one is near, so no single layout is huge; the
//! pieces are contiguous, so selection and highlights run across them unchanged.

use crate::model::CharRange;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Code points of the paragraph's text (without the line break).
    pub chars: CharRange,
    /// The same text's byte range.
    pub byte_start: usize,
    pub byte_end: usize,
    /// The next paragraph continues this line (a long line cut for layout).
    pub continued: bool,
}

/// The longest piece of a line laid out at once, in code points.
pub const MAX_PIECE_CHARS: usize = 2000;
/// How far back from the limit a blank is looked for to cut at.
const CUT_SEARCH_CHARS: usize = 200;

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
            push_line(&mut out, text, start_byte, end_byte, start_char, end_char);
            start_byte = byte + 1;
            start_char = chars + 1;
        }
        chars += 1;
    }
    push_line(&mut out, text, start_byte, text.len(), start_char, chars);
    out
}

/// Adds one line, cut into pieces when it is long.
fn push_line(
    out: &mut Vec<Paragraph>,
    text: &str,
    mut byte: usize,
    end_byte: usize,
    mut char: usize,
    end_char: usize,
) {
    while end_char - char > MAX_PIECE_CHARS {
        let line = &text[byte..end_byte];
        // The byte after MAX_PIECE_CHARS code points, then back to a blank if one is near.
        let limit = line
            .char_indices()
            .nth(MAX_PIECE_CHARS)
            .map_or(line.len(), |(b, _)| b);
        let window_start = line[..limit]
            .char_indices()
            .rev()
            .nth(CUT_SEARCH_CHARS)
            .map_or(0, |(b, _)| b);
        let cut = line[window_start..limit]
            .rfind(' ')
            .map(|i| window_start + i + 1)
            .filter(|&c| c > 0)
            .unwrap_or(limit);
        let piece_chars = line[..cut].chars().count();
        out.push(Paragraph {
            chars: CharRange::new(char, char + piece_chars),
            byte_start: byte,
            byte_end: byte + cut,
            continued: true,
        });
        byte += cut;
        char += piece_chars;
    }
    out.push(Paragraph {
        chars: CharRange::new(char, end_char),
        byte_start: byte,
        byte_end: end_byte,
        continued: false,
    });
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
}
