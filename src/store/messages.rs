//! The store's messages in a user's words: what the RON parser found wrong (without its
//! internals), why a file is not UTF-8 text, and who holds a project's lock.

use super::lock::Holder;
use crate::shown;
use ron::error::Error as Ron;

/// What the RON parser found, as something a person can act on.
pub(crate) fn explain_ron(code: &Ron) -> String {
    match code {
        Ron::Eof => "the file ends too early; it may have been cut off".to_owned(),
        Ron::ExceededRecursionLimit => {
            "brackets are nested too deeply for a spanmark project".to_owned()
        }
        Ron::ExpectedComma => "a comma is missing".to_owned(),
        Ron::ExpectedStringEnd => "a text is not closed with \"".to_owned(),
        Ron::ExpectedString => "a text in quotes was expected".to_owned(),
        Ron::ExpectedInteger | Ron::InvalidIntegerDigit { .. } => {
            "a whole number was expected".to_owned()
        }
        Ron::IntegerOutOfBounds => "a number is too large".to_owned(),
        Ron::ExpectedStructLike | Ron::ExpectedNamedStructLike(_) => {
            "an opening ( was expected".to_owned()
        }
        Ron::ExpectedStructLikeEnd => "a closing ) was expected".to_owned(),
        Ron::ExpectedArray => "an opening [ was expected".to_owned(),
        Ron::ExpectedArrayEnd => "a closing ] was expected".to_owned(),
        Ron::ExpectedMap => "an opening { was expected".to_owned(),
        Ron::ExpectedMapEnd => "a closing } was expected".to_owned(),
        Ron::ExpectedMapColon => "a colon is missing".to_owned(),
        Ron::ExpectedOption => "Some(…) or None was expected".to_owned(),
        Ron::ExpectedChar => "a character in single quotes was expected".to_owned(),
        Ron::InvalidEscape(_) => "a text has a backslash escape RON does not know".to_owned(),
        Ron::UnexpectedChar(c) => format!("unexpected character {}", shown::quoted(&c.to_string())),
        Ron::TrailingCharacters => "there is more after the project's closing )".to_owned(),
        Ron::UnclosedBlockComment => "a /* comment is not closed".to_owned(),
        Ron::NoSuchStructField { found, .. } => {
            format!("unknown field {}", shown::quoted(found))
        }
        Ron::MissingStructField { field, .. } => format!("the field \"{field}\" is missing"),
        Ron::DuplicateStructField { field, .. } => format!("the field \"{field}\" is there twice"),
        Ron::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "unknown value {} (it can be {})",
            shown::quoted(found),
            expected.join(", ")
        ),
        Ron::InvalidValueForType { expected, found } => format!(
            "expected {}, found {}",
            shown::one_line(expected),
            shown::one_line(found)
        ),
        other => shown::one_line(&lowercase_first(&other.to_string())),
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Why bytes that are not UTF-8 are not: UTF-16 (with or without a byte order mark),
/// binary, or text in another encoding.
pub(crate) fn not_utf8(bytes: &[u8]) -> String {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return "it is UTF-16 text; save it as UTF-8".to_owned();
    }
    if crate::article::utf16_without_bom(bytes).is_some() {
        return "it is UTF-16 text without a byte order mark; save it as UTF-8".to_owned();
    }
    if bytes.contains(&0) {
        return "it looks binary".to_owned();
    }
    "it is text in another encoding, or damaged; save it as UTF-8".to_owned()
}

/// Who holds a lock, for the message of one who wanted it.
pub(crate) fn locked(holder: &Option<Box<Holder>>) -> String {
    match holder {
        Some(holder) if holder.is_window() => format!(
            "the project is open in {holder}; save and close it there first, or import in that window"
        ),
        Some(holder) => {
            format!("the project is being changed by {holder}; try again when it is done")
        }
        None => {
            "the project is being changed by another spanmark; try again in a moment".to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parser_internals_become_plain_words() {
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let err = ron::from_str::<ron::Value>(&deep).unwrap_err();
        let text = explain_ron(&err.code);
        assert!(!text.contains("serde_stacker"), "{text}");
        assert!(text.contains("nested too deeply"), "{text}");
    }

    #[test]
    fn utf16_is_called_what_it_is() {
        let utf16: Vec<u8> = "(format: \"spanmark-project\")"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(not_utf8(&utf16).contains("UTF-16"), "{}", not_utf8(&utf16));
        assert!(not_utf8(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff").contains("binary"));
        assert!(not_utf8(b"Caf\xe9 au lait").contains("another encoding"));
    }
}
