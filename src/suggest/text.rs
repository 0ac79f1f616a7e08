//! The text as code points, with the word-level helpers the detectors share. Every
//! index here is a code-point offset, so suggestions are offsets without conversion.
//!
//! The detectors ask the same questions of every code point many times over (a letter
//! or digit? which case? a space?), so the answers are read once, when the text is
//! loaded; and a word can be borrowed as a `&str` of the text ([`Chars::str`],
//! [`Chars::lower`]) to look up or compare without allocating. Word lists are
//! [`WordSet`]s: hashed, built on first use.

use crate::model::CharRange;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Character classes, one bit each.
const WORD: u8 = 1;
const ALPHA: u8 = 2;
const LOWER: u8 = 4;
const UPPER: u8 = 8;
const SPACE: u8 = 16;
/// A quotation mark, a line break or a sentence's end mark (`.`, `!`, `?`).
const STOP: u8 = 32;

fn classes(c: char) -> u8 {
    let mut f = 0;
    if Chars::is_mark(c) || matches!(c, '\n' | '.' | '!' | '?') {
        f |= STOP;
    }
    if c.is_alphanumeric() {
        f |= WORD;
    }
    if c.is_alphabetic() {
        f |= ALPHA;
    }
    if c.is_lowercase() {
        f |= LOWER;
    }
    if c.is_uppercase() {
        f |= UPPER;
    }
    if c.is_whitespace() {
        f |= SPACE;
    }
    f
}

pub struct Chars {
    pub c: Vec<char>,
    /// The classes of each code point.
    flags: Vec<u8>,
    /// The text, and the byte offset of each code point in it (and of its end).
    text: String,
    bytes: Offsets,
}

/// Byte offsets, in 4 bytes each unless the text is over 4 GB.
enum Offsets {
    Short(Vec<u32>),
    Long(Vec<usize>),
}

impl Offsets {
    fn at(&self, i: usize) -> usize {
        match self {
            Self::Short(v) => v[i] as usize,
            Self::Long(v) => v[i],
        }
    }
}

impl Chars {
    pub fn new(text: &str) -> Self {
        let n = text.chars().count();
        let mut c = Vec::with_capacity(n);
        let mut flags = Vec::with_capacity(n);
        let short = u32::try_from(text.len()).is_ok();
        let mut bytes = Vec::with_capacity(if short { n + 1 } else { 0 });
        let mut long = Vec::with_capacity(if short { 0 } else { n + 1 });
        let ascii: [u8; 128] = std::array::from_fn(|b| classes(char::from(b as u8)));
        // Non-ASCII classes by code point, direct-mapped (a script repeats its letters).
        let mut cache = [('\0', 0u8); 256];
        for (at, ch) in text.char_indices() {
            c.push(ch);
            let f = if ch.is_ascii() {
                ascii[ch as usize]
            } else {
                let slot = &mut cache[ch as usize & 255];
                if slot.0 != ch {
                    *slot = (ch, classes(ch));
                }
                slot.1
            };
            flags.push(f);
            if short {
                bytes.push(at as u32);
            } else {
                long.push(at);
            }
        }
        let bytes = if short {
            bytes.push(text.len() as u32);
            Offsets::Short(bytes)
        } else {
            long.push(text.len());
            Offsets::Long(long)
        };
        Self {
            c,
            flags,
            text: text.to_owned(),
            bytes,
        }
    }

    pub fn len(&self) -> usize {
        self.c.len()
    }

    pub fn get(&self, i: usize) -> Option<char> {
        self.c.get(i).copied()
    }

    fn has(&self, i: usize, class: u8) -> bool {
        self.flags.get(i).is_some_and(|f| f & class != 0)
    }

    /// A letter or digit at `i` (`char::is_alphanumeric`).
    pub fn is_word(&self, i: usize) -> bool {
        self.has(i, WORD)
    }

    /// A letter at `i` (`char::is_alphabetic`).
    pub fn is_alpha(&self, i: usize) -> bool {
        self.has(i, ALPHA)
    }

    /// A lower-case letter at `i` (`char::is_lowercase`).
    pub fn is_lower(&self, i: usize) -> bool {
        self.has(i, LOWER)
    }

    /// White space at `i` (`char::is_whitespace`).
    pub fn is_space(&self, i: usize) -> bool {
        self.has(i, SPACE)
    }

    /// The first quotation mark, line break, `.`, `!` or `?` from `from` on (the
    /// length if none): where a scan for sentences resumes. Eight code points a step.
    pub fn stop_from(&self, from: usize) -> usize {
        let mut i = from.min(self.len());
        let mut chunks = self.flags[i..].chunks_exact(8);
        for chunk in &mut chunks {
            let mut b = [0; 8];
            b.copy_from_slice(chunk);
            let stops = u64::from_le_bytes(b) & u64::from_le_bytes([STOP; 8]);
            if stops != 0 {
                return i + stops.trailing_zeros() as usize / 8;
            }
            i += 8;
        }
        let rest = chunks.remainder();
        i + rest
            .iter()
            .position(|f| f & STOP != 0)
            .unwrap_or(rest.len())
    }

    /// The word (letters, digits, inner hyphens and apostrophes) starting at `i`.
    pub fn word_at(&self, i: usize) -> Option<(usize, usize)> {
        if !self.is_word(i) {
            return None;
        }
        let mut end = i;
        while end < self.len() {
            if self.flags[end] & WORD != 0
                || (end > i && matches!(self.c[end], '-' | '\'' | '’') && self.is_word(end + 1))
            {
                end += 1;
            } else {
                break;
            }
        }
        Some((i, end))
    }

    pub fn string(&self, start: usize, end: usize) -> String {
        self.str(start, end).to_owned()
    }

    /// The text from `start` to `end` (each clamped to its length), borrowed.
    pub fn str(&self, start: usize, end: usize) -> &str {
        let (s, e) = (start.min(self.len()), end.min(self.len()));
        &self.text[self.bytes.at(s)..self.bytes.at(e)]
    }

    /// The text from `start` to `end` in lower case (`str::to_lowercase`), borrowed
    /// when it is so already.
    pub fn lower(&self, start: usize, end: usize) -> Cow<'_, str> {
        lowercase(self.str(start, end))
    }

    /// The first word from `from` on, stopping at a line break or sentence end.
    pub fn word_after(&self, from: usize) -> Option<(usize, usize)> {
        let mut i = from;
        while i < self.len() {
            let c = self.c[i];
            if c == '\n' || (matches!(c, '.' | '!' | '?') && !self.is_word(i + 1)) {
                return None;
            }
            if let Some(w) = self.word_at(i) {
                return Some(w);
            }
            i += 1;
        }
        None
    }

    /// The words from `from` on, stopping at a line break or sentence end.
    pub fn words(&self, from: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        let mut i = from;
        std::iter::from_fn(move || {
            let w = self.word_after(i)?;
            i = w.1;
            Some(w)
        })
    }

    /// The words from `from` on (at most `max`), as (start, end) ranges, stopping at a
    /// line break or sentence end.
    pub fn words_after(&self, from: usize, max: usize) -> Vec<(usize, usize)> {
        self.words(from).take(max).collect()
    }

    /// The nearest word before `to`, stopping at a line break or a sentence end.
    pub fn word_before(&self, to: usize) -> Option<(usize, usize)> {
        let mut i = to;
        while i > 0 {
            let c = self.c[i - 1];
            let ends = matches!(c, '.' | '!' | '?')
                && (self.is_space(i) || matches!(self.get(i), Some('”' | '"' | '»' | '’' | '«')));
            if c == '\n' || ends {
                return None;
            }
            if self.flags[i - 1] & WORD != 0 {
                let mut s = i - 1;
                while s > 0
                    && (self.is_word(s - 1)
                        || (matches!(self.c[s - 1], '-' | '\'' | '’')
                            && s >= 2
                            && self.is_word(s - 2)))
                {
                    s -= 1;
                }
                return Some((s, i));
            }
            i -= 1;
        }
        None
    }

    /// The words before `to` (at most `max`, nearest first), stopping at a line break
    /// or a sentence end.
    pub fn words_before(&self, to: usize, max: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = to;
        while out.len() < max {
            let Some(w) = self.word_before(i) else { break };
            out.push(w);
            i = w.0;
        }
        out
    }

    /// Is `c` a quotation mark of any convention (the straight single one included)?
    pub fn is_mark(c: char) -> bool {
        matches!(
            c,
            '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '‚' | '\'' | '‹' | '›'
        )
    }

    pub fn is_capitalized(&self, (s, _): (usize, usize)) -> bool {
        self.has(s, UPPER)
    }
}

/// `w` in lower case (`str::to_lowercase`), borrowed when it is so already.
pub(super) fn lowercase(w: &str) -> Cow<'_, str> {
    if !w.is_ascii() {
        Cow::Owned(w.to_lowercase())
    } else if w.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(w.to_ascii_lowercase())
    } else {
        Cow::Borrowed(w)
    }
}

/// Where `name` stands in the text nearest to `quote` (outside it), as a whole word:
/// the mention an *attributed to* link points at. Searched within the quote's
/// neighbourhood (a few paragraphs), so a long article costs no more per quote.
pub(super) fn nearest_mention(t: &Chars, name: &str, quote: CharRange) -> Option<CharRange> {
    const REACH: usize = 2_000;
    let name: Vec<char> = name.chars().collect();
    if name.is_empty() {
        return None;
    }
    let from = quote.start.0.saturating_sub(REACH);
    let to = (quote.end.0 + REACH).min(t.c.len());
    let distance = |at: usize| {
        if at >= quote.end.0 {
            at - quote.end.0
        } else {
            quote.start.0.saturating_sub(at + name.len())
        }
    };
    (from..to.saturating_sub(name.len() - 1))
        .filter(|&at| at + name.len() <= quote.start.0 || at >= quote.end.0)
        .filter(|&at| t.c[at] == name[0] && t.c[at..at + name.len()] == name[..])
        .filter(|&at| (at == 0 || !t.is_word(at - 1)) && !t.is_word(at + name.len()))
        .min_by_key(|&at| distance(at))
        .map(|at| CharRange::new(at, at + name.len()))
}

/// A fast hash for short keys (words, names): FxHash's multiply-rotate over 8-byte
/// chunks. Not meant to resist keys chosen to collide.
#[derive(Default, Clone, Copy)]
pub(super) struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0xf135_7aea_2e62_a9c5);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut b = [0; 8];
            b.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        let mut b = [0; 8];
        b[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(b) ^ ((rest.len() as u64) << 56));
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

pub(super) type WordBuild = BuildHasherDefault<WordHasher>;

/// A filter on the first and last bytes and the length of the words of a set: most
/// other words fail it, so that a lookup need not hash them.
pub(super) struct Shapes {
    /// For each first byte (and each last byte), a bit for each length under 32 some
    /// word has.
    firsts: [u32; 256],
    lasts: [u32; 256],
}

impl Default for Shapes {
    fn default() -> Self {
        Self {
            firsts: [0; 256],
            lasts: [0; 256],
        }
    }
}

impl Shapes {
    pub(super) fn add(&mut self, w: &str) {
        if let (Some(&a), Some(&z)) = (w.as_bytes().first(), w.as_bytes().last())
            && w.len() < 32
        {
            self.firsts[usize::from(a)] |= 1 << w.len();
            self.lasts[usize::from(z)] |= 1 << w.len();
        }
    }

    /// Can `w` be one of the words added?
    pub(super) fn may_hold(&self, w: &str) -> bool {
        match (w.as_bytes().first(), w.as_bytes().last()) {
            (Some(&a), Some(&z)) if w.len() < 32 => {
                (self.firsts[usize::from(a)] & self.lasts[usize::from(z)]) & (1 << w.len()) != 0
            }
            _ => true,
        }
    }
}

/// Words by hash, behind their [`Shapes`].
struct Lookup<V> {
    shapes: Shapes,
    map: HashMap<&'static str, V, WordBuild>,
}

impl<V: Copy> Lookup<V> {
    /// The first value of each word counts.
    fn new(pairs: impl Iterator<Item = (&'static str, V)>) -> Self {
        let mut shapes = Shapes::default();
        let mut map = HashMap::default();
        for (w, v) in pairs {
            shapes.add(w);
            map.entry(w).or_insert(v);
        }
        Self { shapes, map }
    }

    fn get(&self, w: &str) -> Option<V> {
        if !self.shapes.may_hold(w) {
            return None;
        }
        self.map.get(w).copied()
    }
}

/// A fixed list of words, looked up by hash (the set is built on first use).
pub(super) struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<Lookup<()>>,
}

impl WordSet {
    pub(super) const fn new(words: &'static [&'static str]) -> Self {
        Self {
            words,
            set: OnceLock::new(),
        }
    }

    pub(super) fn contains(&self, w: &&str) -> bool {
        self.set
            .get_or_init(|| Lookup::new(self.words.iter().map(|&w| (w, ()))))
            .get(w)
            .is_some()
    }
}

/// A fixed list of words with a value each, looked up by hash (the first entry of a
/// word counts).
pub(super) struct WordMap<V: 'static> {
    pairs: &'static [(&'static str, V)],
    map: OnceLock<Lookup<V>>,
}

impl<V: Copy + Send + Sync> WordMap<V> {
    pub(super) const fn new(pairs: &'static [(&'static str, V)]) -> Self {
        Self {
            pairs,
            map: OnceLock::new(),
        }
    }

    pub(super) fn get(&self, w: &str) -> Option<V> {
        self.map
            .get_or_init(|| Lookup::new(self.pairs.iter().copied()))
            .get(w)
    }
}
