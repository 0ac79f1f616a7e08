//! Splits a figure span's text into tokens (numbers written in digits, words, signs) and
//! reads a run of digits with its separators into an exact amount, deciding which of
//! `,` and `.` is the thousands separator and which the decimal point.

use super::amount::{Amount, MAX_SCALE};

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Tok {
    /// Digits with the separators between them, as written: `40,000`, `1.5`.
    Num(String),
    /// Letters as written (`Drones`, `km/h`).
    Word(String),
    /// One sign: `%`, `$`, `°`, `-`, `–`, ...
    Sym(char),
}

/// A token and whether it touches the one before it (`450million`, `5%`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Token {
    pub(super) tok: Tok,
    pub(super) glued: bool,
}

const SIGNS: &[char] = &[
    '%', '$', '€', '£', '¥', '₴', '₽', '₹', '°', '-', '–', '—', '−', '‑', '+',
];

/// Separators a number may have between its digits: comma, point, and the spaces that
/// do not break (`40 000` in European typesetting).
const NUMBER_SEPARATORS: &[char] = &[',', '.', '\u{a0}', '\u{202f}', '\u{2009}'];

/// The tokens of `text`, or `None` when it holds a character no figure has.
pub(super) fn tokenize(text: &str) -> Option<Vec<Token>> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut glued = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next_is_digit = chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        if c.is_whitespace() {
            glued = false;
            i += 1;
            continue;
        }
        let start = i;
        let tok = if c.is_ascii_digit() || (c == '.' && next_is_digit) {
            i += 1;
            while i < chars.len() {
                let after_is_digit = chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
                if chars[i].is_ascii_digit()
                    || (NUMBER_SEPARATORS.contains(&chars[i]) && after_is_digit)
                {
                    i += 1;
                } else {
                    break;
                }
            }
            Tok::Num(chars[start..i].iter().collect())
        } else if c.is_alphabetic() {
            i += 1;
            while i < chars.len() {
                let after_is_letter = chars.get(i + 1).is_some_and(|n| n.is_alphabetic());
                if chars[i].is_alphabetic() || (chars[i] == '/' && after_is_letter) {
                    i += 1;
                } else {
                    break;
                }
            }
            Tok::Word(chars[start..i].iter().collect())
        } else if SIGNS.contains(&c) {
            i += 1;
            Tok::Sym(c)
        } else {
            return None;
        };
        tokens.push(Token { tok, glued });
        glued = true;
    }
    Some(tokens)
}

/// A number written in digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Literal {
    pub(super) amount: Amount,
    /// One `.` followed by exactly three digits (`1.500`): 1.5 in English, 1500 in
    /// European style. `amount` holds the decimal reading; the caller accepts it only
    /// where a scale word or a percent sign follows.
    pub(super) dot_ambiguous: bool,
    /// Digits alone, no separator (a year can only be written so).
    pub(super) plain: bool,
}

fn is_thousands_group(group: &str, first: bool) -> bool {
    if first {
        (1..=3).contains(&group.len()) && !group.starts_with('0')
    } else {
        group.len() == 3
    }
}

/// Reads digits with separators. Rules, in order:
/// - every separator a thousands separator (all the same, groups of three after a first
///   group of one to three digits not starting with 0): `40,000`, `1.000.000`, `1 000`;
/// - else the last separator (`,` or `.`) is the decimal point, the others (all the
///   same, another character) thousands separators: `1,234.5`, `1.234,5`, `1,5`, `0,500`;
/// - when both readings fit (one `,` or `.` then three digits): `,` is a thousands
///   separator (`40,000`, English style), `.` is ambiguous (see [`Literal`]).
pub(super) fn read_literal(text: &str) -> Option<Literal> {
    let mut groups: Vec<&str> = Vec::new();
    let mut separators: Vec<char> = Vec::new();
    let mut start = 0;
    for (at, c) in text.char_indices() {
        if NUMBER_SEPARATORS.contains(&c) {
            groups.push(&text[start..at]);
            separators.push(c);
            start = at + c.len_utf8();
        }
    }
    groups.push(&text[start..]);
    if groups.iter().skip(1).any(|g| g.is_empty()) {
        return None;
    }
    let plain = separators.is_empty();

    let all_thousands = !separators.is_empty()
        && separators.iter().all(|s| *s == separators[0])
        && groups
            .iter()
            .enumerate()
            .all(|(n, g)| is_thousands_group(g, n == 0));

    let decimal = separators
        .last()
        .copied()
        .filter(|s| *s == ',' || *s == '.');
    let decimal_fits = decimal.is_some_and(|point| {
        let leading = &separators[..separators.len() - 1];
        let whole_groups = &groups[..groups.len() - 1];
        match leading.first() {
            None => true,
            Some(first) => {
                *first != point
                    && leading.iter().all(|s| s == first)
                    && whole_groups
                        .iter()
                        .enumerate()
                        .all(|(n, g)| is_thousands_group(g, n == 0))
            }
        }
    });

    let (as_decimal, dot_ambiguous) = match (all_thousands, decimal_fits) {
        _ if plain => (false, false),
        (true, true) => match decimal {
            Some('.') => (true, true),
            _ => (false, false),
        },
        (true, false) => (false, false),
        (false, true) => (true, false),
        (false, false) => return None,
    };

    let (whole, fraction): (String, &str) = if as_decimal {
        let last = groups.len() - 1;
        (groups[..last].concat(), groups[last])
    } else {
        (groups.concat(), "")
    };
    let scale = u32::try_from(fraction.len()).ok()?;
    if scale > MAX_SCALE {
        return None;
    }
    let mut mantissa: i128 = 0;
    for c in whole.chars().chain(fraction.chars()) {
        let digit = c.to_digit(10)?;
        mantissa = mantissa.checked_mul(10)?.checked_add(i128::from(digit))?;
    }
    Some(Literal {
        amount: Amount::new(mantissa, scale)?,
        dot_ambiguous,
        plain,
    })
}

/// A position in a token list, with the look-ahead the grammar needs.
pub(super) struct Cursor<'a> {
    tokens: &'a [Token],
    pub(super) pos: usize,
}

impl<'a> Cursor<'a> {
    pub(super) fn new(tokens: &'a [Token]) -> Cursor<'a> {
        Cursor { tokens, pos: 0 }
    }

    pub(super) fn at_end(&self) -> bool {
        self.pos >= self.tokens.len()
    }

    fn peek(&self, ahead: usize) -> Option<&'a Token> {
        self.tokens.get(self.pos + ahead)
    }

    /// The word `ahead` tokens on, as written.
    pub(super) fn written(&self, ahead: usize) -> Option<&'a str> {
        match self.peek(ahead) {
            Some(Token {
                tok: Tok::Word(w), ..
            }) => Some(w),
            _ => None,
        }
    }

    /// The word `ahead` tokens on, in lower case.
    pub(super) fn word(&self, ahead: usize) -> Option<String> {
        self.written(ahead).map(str::to_lowercase)
    }

    pub(super) fn sym(&self, ahead: usize) -> Option<char> {
        match self.peek(ahead) {
            Some(Token {
                tok: Tok::Sym(c), ..
            }) => Some(*c),
            _ => None,
        }
    }

    pub(super) fn num(&self, ahead: usize) -> Option<&'a str> {
        match self.peek(ahead) {
            Some(Token {
                tok: Tok::Num(n), ..
            }) => Some(n),
            _ => None,
        }
    }

    /// Whether the token `ahead` on touches the one before it.
    pub(super) fn glued(&self, ahead: usize) -> bool {
        self.peek(ahead).is_some_and(|t| t.glued)
    }

    pub(super) fn bump(&mut self, count: usize) {
        self.pos += count;
    }

    /// Steps over `word` (lower case) when it comes next.
    pub(super) fn eat_word(&mut self, word: &str) -> bool {
        let found = self.word(0).is_some_and(|w| w == word);
        if found {
            self.bump(1);
        }
        found
    }
}
