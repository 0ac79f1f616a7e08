//! A faster, leaner way to read the project files spanmark writes: the documents'
//! texts (nearly all of a file's bytes) are decoded here, one copy each, and ron parses
//! only what is left. ron's own string parsing holds about three times a text's size
//! while it works; for a 10 MB article that was most of the memory a load needed.
//!
//! Anything unexpected (a text written another way, an escape this decoder does not
//! know) makes [`split_texts`] give up, and the caller parses the whole file with ron.

/// The file with every document's `text: "…"` emptied, and the texts, in file order.
pub(crate) fn split_texts(file: &str) -> Option<(String, Vec<String>)> {
    const KEY: &str = "text: \"";
    let mut skeleton = String::with_capacity(file.len() / 8);
    let mut texts = Vec::new();
    let mut rest = 0;
    let mut search = 0;
    while let Some(found) = file[search..].find(KEY) {
        let key_at = search + found;
        // Only a field on a line of its own, as the writer puts it.
        let line_start = file[..key_at].rfind('\n').map_or(0, |i| i + 1);
        if !file[line_start..key_at].bytes().all(|b| b == b' ') {
            search = key_at + KEY.len();
            continue;
        }
        let open = key_at + KEY.len();
        let (text, close) = unescape(file, open)?;
        skeleton.push_str(&file[rest..open]);
        skeleton.push('"');
        texts.push(text);
        rest = close + 1;
        search = rest;
    }
    skeleton.push_str(&file[rest..]);
    Some((skeleton, texts))
}

/// Decodes the RON string whose content starts at byte `from`; returns the text and the
/// byte of the closing quote.
fn unescape(file: &str, from: usize) -> Option<(String, usize)> {
    let bytes = file.as_bytes();
    // The closing quote: the first `"` not escaped. Count the text's length on the way.
    let mut out = String::new();
    let mut run = from;
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                out.push_str(&file[run..i]);
                return Some((out, i));
            }
            b'\\' => {
                if out.capacity() == 0 {
                    out.reserve(estimate_len(bytes, i));
                }
                out.push_str(&file[run..i]);
                let (c, used) = escape(file, i + 1)?;
                out.push(c);
                i += 1 + used;
                run = i;
            }
            _ => i += 1,
        }
    }
    None
}

/// A guess of the decoded length from here: up to the next quote (escapes are rare).
fn estimate_len(bytes: &[u8], from: usize) -> usize {
    bytes[from..].iter().position(|&b| b == b'"').unwrap_or(0) + from
}

/// The character of the escape starting at byte `at` (after the backslash), and how
/// many bytes it used.
fn escape(file: &str, at: usize) -> Option<(char, usize)> {
    let rest = file.get(at..)?;
    let first = rest.chars().next()?;
    Some(match first {
        '"' => ('"', 1),
        '\\' => ('\\', 1),
        '\'' => ('\'', 1),
        'n' => ('\n', 1),
        'r' => ('\r', 1),
        't' => ('\t', 1),
        '0' => ('\0', 1),
        'u' => {
            let body = rest.strip_prefix("u{")?;
            let end = body.find('}')?;
            let code = u32::from_str_radix(&body[..end], 16).ok()?;
            (char::from_u32(code)?, 2 + end + 1)
        }
        'x' => {
            let code = u8::from_str_radix(rest.get(1..3)?, 16).ok()?;
            // Only ASCII: longer byte escapes spell UTF-8 and ron joins them; leave
            // those to ron.
            (code.is_ascii().then_some(char::from(code))?, 3)
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_pulled_out_and_decoded() {
        let file = "(\n  documents: [\n    (\n      text: \"a\\\"b\\\\c\\nd\\r\\te 👋 \\u{2028}!\",\n      spans: [],\n    ),\n    (\n      text: \"\",\n    ),\n  ],\n)\n";
        let (skeleton, texts) = split_texts(file).unwrap();
        assert_eq!(texts, ["a\"b\\c\nd\r\te 👋 \u{2028}!", ""]);
        assert!(
            skeleton.contains("      text: \"\",\n      spans: [],"),
            "{skeleton}"
        );
        assert!(!skeleton.contains('👋'));
    }

    #[test]
    fn a_text_key_inside_another_string_is_not_taken() {
        let file = "(name: \"say text: \\\"hi\\\"\", documents: [(\n      text: \"x\",\n)])";
        let (skeleton, texts) = split_texts(file).unwrap();
        assert_eq!(texts, ["x"]);
        assert!(skeleton.starts_with("(name: \"say text: \\\"hi\\\"\""));
    }

    #[test]
    fn unknown_escapes_and_unclosed_strings_give_up() {
        assert!(split_texts("(\n  text: \"a\\qb\",\n)").is_none());
        assert!(split_texts("(\n  text: \"never closed").is_none());
        assert!(split_texts("(\n  text: \"\\xC3\\xA9\",\n)").is_none());
    }
}
