//! The mutations: a hand-written xorshift PRNG (no crates), text-level mutations of
//! bytes (bit flips, tokens, cuts, splices, extreme numbers, weird strings, deep
//! nesting, whole lines), value-level mutations of parsed JSON, and [`input`], which
//! makes input `n` of a run from its seed alone.

use crate::{Input, MAX_INPUT, Target};
use serde_json::Value;

/// xorshift64*: deterministic, no crates.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        // splitmix64 of the seed, so neighbouring seeds start far apart.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Self((z ^ (z >> 31)) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Numbers that break offsets and ids: zero, negative, past `u64`, past JavaScript's
/// exact integers, spanmark's id limits, floats.
const EXTREME_NUMBERS: [&str; 22] = [
    "0",
    "9007194959773695",
    "9007194959773694",
    "9007194959773696",
    "9007199254740992",
    "-1",
    "1",
    "18446744073709551615",
    "18446744073709551616",
    "9223372036854775808",
    "9007199254740993",
    "9007199254740991",
    "4503599627370496",
    "4294967296",
    "4294967295",
    "2147483648",
    "1e308",
    "-1e308",
    "1.5",
    "-0",
    "99999999999999999999999999999",
    "65536",
];

/// String contents (already escaped for JSON and RON) that break texts, names and
/// labels: control characters, lone surrogates, emoji, bidi marks, blanks, valid labels.
const WEIRD_STRINGS: [&str; 22] = [
    "",
    " ",
    "quote",
    "claim",
    "figure",
    " quote ",
    "\\u0000",
    "\\u001b[31mred",
    "line\\nbreak",
    "tab\\there",
    "cr\\r\\nlf",
    "\\ud800",
    "\\udc00\\ud800",
    "\\ud83d\\ude00",
    "👋🏽🇺🇦",
    "\\u202eevil",
    "\\ufeffbom",
    "e\\u0301",
    "\\\\",
    "\\\"",
    "我們會贏",
    "#0072B2",
];

/// A long string content: a few thousand characters, now and then 100,000.
fn long_string(rng: &mut Rng) -> String {
    let n = if rng.chance(20) {
        100_000
    } else {
        1 + rng.below(3_000)
    };
    let unit = *rng.pick(&["x", "é", "👋", "ab ", "\\n"]);
    unit.repeat(n)
}

/// The byte ranges of the contents of `"…"` strings (JSON and RON alike).
fn string_contents(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'"' {
            let start = i + 1;
            let mut j = start;
            while j < bytes.len() && bytes[j] != b'"' {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            let end = j.min(bytes.len());
            out.push((start, end));
            i = end + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// The byte ranges of numbers (`-?[0-9]+`).
fn numbers(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = if i > 0 && bytes[i - 1] == b'-' {
                i - 1
            } else {
                i
            };
            let mut j = i;
            while j < bytes.len() && bytes[j].is_ascii_digit() {
                j += 1;
            }
            out.push((start, j));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// The byte ranges of brat's tab-separated fields.
fn fields(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\t' || b == b'\n' {
            out.push((start, i));
            start = i + 1;
        }
    }
    out.push((start, bytes.len()));
    out
}

fn replace(bytes: &mut Vec<u8>, (start, end): (usize, usize), with: &[u8]) {
    bytes.splice(start..end, with.iter().copied());
}

/// One text-level mutation of `bytes`; `other` is another seed of the target.
fn mutate_bytes(rng: &mut Rng, bytes: &mut Vec<u8>, other: &[u8], target: Target) {
    const TOKENS: [&[u8]; 16] = [
        b"\"", b"\\", b"\n", b"\r\n", b"\t", b"{", b"}", b"[", b"]", b",", b":", b";", b" ", b"-",
        b"null", b"\xff",
    ];
    let len = bytes.len();
    match rng.below(21) {
        0 if len > 0 => {
            let at = rng.below(len);
            bytes[at] ^= 1 << rng.below(8);
        }
        1 if len > 0 => {
            let at = rng.below(len);
            bytes[at] = *rng.pick(&[b'"', b'\\', b'\n', b'\t', b'0', b'9', b'-', b'}', 0, 0xC3]);
        }
        2 => {
            let at = rng.below(len + 1);
            let token = rng.pick(&TOKENS).to_vec();
            replace(bytes, (at, at), &token);
        }
        3 if len > 0 => {
            let start = rng.below(len);
            let end = (start + 1 + rng.below(64)).min(len);
            replace(bytes, (start, end), b"");
        }
        4 if len > 0 => {
            let start = rng.below(len);
            let end = (start + 1 + rng.below(256)).min(len);
            let piece = bytes[start..end].to_vec();
            let at = rng.below(len + 1);
            replace(bytes, (at, at), &piece);
        }
        5 => {
            // Splice: the start of this input, the rest of another seed.
            let cut = rng.below(len + 1);
            let from = rng.below(other.len() + 1);
            bytes.truncate(cut);
            bytes.extend_from_slice(&other[from..]);
        }
        6 => {
            let cut = rng.below(len + 1);
            bytes.truncate(cut);
        }
        7..=10 => {
            let spans = numbers(bytes);
            if !spans.is_empty() {
                let span = *rng.pick(&spans);
                let with = if rng.chance(3) {
                    rng.below(400).to_string()
                } else {
                    (*rng.pick(&EXTREME_NUMBERS)).to_owned()
                };
                replace(bytes, span, with.as_bytes());
            }
        }
        11..=14 => {
            let spans = if target == Target::Brat {
                fields(bytes)
            } else {
                string_contents(bytes)
            };
            if !spans.is_empty() {
                let span = *rng.pick(&spans);
                let with = if rng.chance(4) {
                    long_string(rng)
                } else {
                    (*rng.pick(&WEIRD_STRINGS)).to_owned()
                };
                replace(bytes, span, with.as_bytes());
            }
        }
        15 => {
            // Deep nesting.
            let deepest = if rng.chance(10) { 100_000 } else { 300 };
            let depth = 1 + rng.below(deepest);
            let at = rng.below(len + 1);
            let mut nest = vec![if rng.chance(2) { b'[' } else { b'(' }; depth];
            if rng.chance(2) {
                nest.extend(std::iter::repeat_n(b']', depth));
            }
            replace(bytes, (at, at), &nest);
        }
        16..=18 => {
            // Whole lines (a span of a project file, a line of JSON lines or brat):
            // duplicated, dropped or swapped.
            let mut lines: Vec<Vec<u8>> =
                bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
            let i = rng.below(lines.len());
            let j = rng.below(lines.len());
            match rng.below(3) {
                0 => {
                    let copy = lines[i].clone();
                    lines.insert(j, copy);
                }
                1 => {
                    lines.remove(i);
                }
                _ => lines.swap(i, j),
            }
            *bytes = lines.join(&b'\n');
        }
        _ => {
            // Swap two neighbouring numbers (start and end).
            let spans = numbers(bytes);
            if spans.len() >= 2 {
                let i = rng.below(spans.len() - 1);
                let (a, b) = (spans[i], spans[i + 1]);
                let (first, second) = (bytes[a.0..a.1].to_vec(), bytes[b.0..b.1].to_vec());
                replace(bytes, b, &first);
                replace(bytes, a, &second);
            }
        }
    }
}

/// A JSON value of the kinds that break importers.
fn weird_value(rng: &mut Rng) -> Value {
    match rng.below(8) {
        0 => Value::Null,
        1 => serde_json::json!(u64::MAX),
        2 => serde_json::json!(-1),
        3 => serde_json::json!(1e308),
        4 => serde_json::json!(9_007_199_254_740_993_u64),
        5 => Value::String(
            serde_json::from_str::<String>(&format!("\"{}\"", rng.pick(&WEIRD_STRINGS)))
                .unwrap_or_default(),
        ),
        6 => Value::Array(Vec::new()),
        _ => serde_json::json!(rng.below(300)),
    }
}

/// Keys the importers look for, to add where they are missing.
const KEYS: [&str; 16] = [
    "start", "end", "text", "label", "labels", "id", "type", "source", "selector", "exact",
    "prefix", "suffix", "value", "purpose", "name", "sha256",
];

/// One mutation of a parsed JSON value, at a node reached by a random walk.
fn mutate_value(rng: &mut Rng, value: &mut Value) {
    let descend = !rng.chance(3);
    match value {
        Value::Array(items) if descend && !items.is_empty() => {
            let i = rng.below(items.len());
            return mutate_value(rng, &mut items[i]);
        }
        Value::Object(map) if descend && !map.is_empty() => {
            let i = rng.below(map.len());
            if let Some((_, v)) = map.iter_mut().nth(i) {
                return mutate_value(rng, v);
            }
        }
        _ => {}
    }
    match value {
        Value::Array(items) if !items.is_empty() && rng.chance(2) => {
            let i = rng.below(items.len());
            match rng.below(3) {
                0 => {
                    let copy = items[i].clone();
                    items.insert(rng.below(items.len() + 1), copy);
                }
                1 => {
                    items.remove(i);
                }
                _ => items.reverse(),
            }
        }
        Value::Object(map) if rng.chance(2) => {
            if !map.is_empty() && rng.chance(2) {
                let i = rng.below(map.len());
                let key = map.keys().nth(i).cloned().unwrap_or_default();
                map.remove(&key);
            } else {
                map.insert((*rng.pick(&KEYS)).to_owned(), weird_value(rng));
            }
        }
        Value::Number(n) if rng.chance(2) => {
            let v = n.as_u64().unwrap_or(0);
            *value = serde_json::json!(match rng.below(3) {
                0 => v.wrapping_add(1),
                1 => v.wrapping_sub(1),
                _ => v.saturating_mul(2),
            });
        }
        Value::String(s) if rng.chance(2) => {
            let mut chars: Vec<char> = s.chars().collect();
            match rng.below(3) {
                0 => chars.truncate(rng.below(chars.len() + 1)),
                1 => chars.insert(
                    rng.below(chars.len() + 1),
                    *rng.pick(&['\n', '👋', '\u{0}', 'é']),
                ),
                _ => chars.reverse(),
            }
            *s = chars.into_iter().collect();
        }
        _ => *value = weird_value(rng),
    }
}

/// A value-level mutation: parse (the whole file, or one line of JSON lines), mutate,
/// write back. Does nothing when the input is not JSON any more.
fn mutate_json(rng: &mut Rng, bytes: &mut Vec<u8>, target: Target) {
    if target.json_lines() {
        let text = String::from_utf8_lossy(bytes).into_owned();
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        if lines.is_empty() {
            return;
        }
        let i = rng.below(lines.len());
        match rng.below(4) {
            0 => {
                let copy = lines[i].clone();
                lines.insert(rng.below(lines.len() + 1), copy);
            }
            _ => {
                if let Ok(mut value) = serde_json::from_str::<Value>(&lines[i]) {
                    mutate_value(rng, &mut value);
                    lines[i] = value.to_string();
                }
            }
        }
        *bytes = (lines.join("\n") + "\n").into_bytes();
    } else if let Ok(mut value) = serde_json::from_slice::<Value>(bytes) {
        mutate_value(rng, &mut value);
        *bytes = if rng.chance(2) {
            serde_json::to_vec_pretty(&value)
        } else {
            serde_json::to_vec(&value)
        }
        .unwrap_or_default();
    }
}

/// Input `n` of `target`'s run with `seed`: the seeds themselves first, then mutations
/// (one to four stacked), each a function of (seed, n) alone so any one can be made
/// again.
pub(crate) fn input(target: Target, seeds: &[Input], seed: u64, n: usize) -> Input {
    if n < seeds.len() {
        return seeds[n].clone();
    }
    let mut rng = Rng::new(seed ^ (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let mut input = rng.pick(seeds).clone();
    let other = rng.pick(seeds).clone();
    for _ in 0..1 + rng.below(4) {
        // For brat: mostly the .ann, sometimes the text beside it.
        let (bytes, other) = if target == Target::Brat && rng.chance(4) {
            (&mut input.txt, &other.txt)
        } else {
            (&mut input.bytes, &other.bytes)
        };
        if target.is_json() && rng.chance(3) {
            mutate_json(&mut rng, bytes, target);
        } else {
            mutate_bytes(&mut rng, bytes, other, target);
        }
        bytes.truncate(MAX_INPUT);
    }
    input
}
